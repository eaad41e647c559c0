/** Reads {@code recon.settlements.v1} in group {@code ledger-svc.settlements}: provider payouts. */
package com.paystream.ledger.settlement.kafka;
