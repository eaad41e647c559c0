/**
 * Reconciliation's second leg in plain Java: payouts against the bank (per payout reference) and
 * payout lines against the ledger's provider clearing (per payment reference).
 */
package com.paystream.recon.matching.payouts;
