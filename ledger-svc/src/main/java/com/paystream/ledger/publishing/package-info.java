/** What the ledger publishes through its outbox: entry events, cashflow lines, dead letters. */
package com.paystream.ledger.publishing;
