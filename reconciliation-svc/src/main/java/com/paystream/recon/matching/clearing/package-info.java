/**
 * The clearing check: per currency, the ledger's provider-clearing balance against what the second
 * leg says it must be (the booked payments no payout contained yet, plus the payouts reported and
 * not yet on the bank). Pure logic and its binary forms; the streams package runs it.
 */
package com.paystream.recon.matching.clearing;
