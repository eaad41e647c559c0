/** The dedupe record of a consumed settlement, in its booking transaction. */
package com.paystream.ledger.settlement.persistence;
