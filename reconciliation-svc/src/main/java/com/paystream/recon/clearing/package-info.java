/**
 * The clearing check over HTTP and as gauges: per currency, the ledger's provider-clearing balance
 * against the booked payments not yet paid out plus the payouts awaiting the bank (see {@code
 * ClearingCheck}).
 */
package com.paystream.recon.clearing;
