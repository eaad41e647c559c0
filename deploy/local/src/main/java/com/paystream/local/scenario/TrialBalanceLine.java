package com.paystream.local.scenario;

import java.time.LocalDate;

/** The closed day's trial balance in one currency, as the ledger reports it. */
public record TrialBalanceLine(
    LocalDate businessDate,
    String currency,
    long debitBalancesMinor,
    long creditBalancesMinor,
    long imbalanceMinor) {}
