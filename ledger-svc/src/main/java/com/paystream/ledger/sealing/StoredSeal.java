package com.paystream.ledger.sealing;

import java.time.LocalDate;

/** A closed day's seal as its day_close record holds it. */
public record StoredSeal(
    LocalDate businessDate, int version, byte[] hash, byte[] signature, String keyId) {}
