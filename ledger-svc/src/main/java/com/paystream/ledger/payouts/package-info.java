/**
 * Merchant payouts: a payout reserves the merchant's money with a hold towards our bank cash (four
 * eyes above a threshold, per-merchant limits, the merchant's approved bank details), and the
 * bank's confirmation or return captures, partly captures, releases or reverses it.
 */
package com.paystream.ledger.payouts;
