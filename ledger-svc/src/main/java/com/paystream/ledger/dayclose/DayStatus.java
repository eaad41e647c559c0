package com.paystream.ledger.dayclose;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Where a business date stands. OPEN: it still takes entries. CLOSING: it takes no more entries but
 * its snapshot is not written yet (a close was interrupted; the next run finishes it). CLOSED:
 * snapshot and trial balance are written and never change. {@code seal} is the closed date's seal
 * (null before it is closed, and for dates closed before the journal was sealed).
 */
public record DayStatus(
    LocalDate businessDate,
    State state,
    Instant closedAt,
    List<TrialBalanceLine> trialBalance,
    Seal seal) {

  /**
   * The seal of a closed date: SHA-256 over the journal chains' heads (hex), its Ed25519 signature
   * (base64), the signing key's id, the seal's encoding version and how many chains it covers.
   */
  public record Seal(String hash, String signature, String keyId, int version, int chains) {}

  public enum State {
    OPEN,
    CLOSING,
    CLOSED
  }

  public DayStatus {
    trialBalance = List.copyOf(trialBalance);
  }

  /**
   * Per currency: the debit-normal balances, the credit-normal ones, and their difference, which is
   * zero in balanced books.
   */
  public record TrialBalanceLine(
      String currency,
      long debitBalancesMinor,
      long creditBalancesMinor,
      long imbalanceMinor,
      int accounts) {}
}
