package com.paystream.simulator;

import java.time.LocalDate;

/**
 * One money movement on the provider's books: a payment received (credit) or a refund paid out
 * (debit). Ids are ours and never contain commas or slashes.
 */
record StatementEntry(
    LocalDate bookingDate,
    String providerReference,
    String paymentId,
    String currency,
    long amountMinor,
    boolean refund) {}
