/**
 * What the ledger publishes, through its outbox: entry events, cashflow lines and dead letters,
 * encoded in the schemas' Avro contracts.
 */
package com.paystream.ledger.publishing;
