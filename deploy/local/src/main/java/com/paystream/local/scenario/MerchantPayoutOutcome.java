package com.paystream.local.scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A merchant payout of the day as the ledger shows it once the bank confirmed the transfer: its
 * state, the capture entry, the merchant's account before the request and after the capture, bank
 * cash after it, and who set and approved the bank details it paid to.
 *
 * @param amountMinor what the operator requested (and the ledger held)
 * @param confirmedMinor what our bank's statement says left our account
 * @param state the ledger's payout state ({@code CAPTURED}, {@code PARTIALLY_CAPTURED}, …)
 * @param balanceBeforeMinor the merchant account's balance before the request
 * @param balanceAfterMinor the merchant account's balance after the capture
 * @param bankCashMinor {@code bank-cash:<CUR>} after the capture (and the provider's payouts)
 * @param capture the hold's capture entry, once captured
 * @param bankAccount the bank account paid to, masked as the ledger shows it
 * @param payoutApproved the request took a second operator (above the four-eyes threshold)
 */
public record MerchantPayoutOutcome(
    String payoutId,
    String merchantId,
    String currency,
    long amountMinor,
    long confirmedMinor,
    String state,
    long capturedMinor,
    long balanceBeforeMinor,
    long balanceAfterMinor,
    long bankCashMinor,
    Optional<Capture> capture,
    String bankAccount,
    String detailsRequestedBy,
    String detailsApprovedBy,
    boolean payoutApproved) {

  static final String SETTLEMENT = "SETTLEMENT";
  private static final Set<String> CAPTURED = Set.of("CAPTURED", "PARTIALLY_CAPTURED");

  /** The entry that captured the payout's hold. */
  public record Capture(
      UUID entryId, String entryType, LocalDate effectiveDate, List<Posting> postings) {

    public Capture {
      postings = List.copyOf(postings);
    }

    /** A SETTLEMENT entry of two postings: Dr the merchant, Cr bank cash, both {@code amount}. */
    boolean pays(String merchantAccount, String bankCash, long amountMinor) {
      return entryType.equals(SETTLEMENT)
          && postings.size() == 2
          && postings.contains(new Posting(merchantAccount, "DEBIT", amountMinor))
          && postings.contains(new Posting(bankCash, "CREDIT", amountMinor));
    }
  }

  /** One posting of an entry. */
  public record Posting(String accountCode, String side, long amountMinor) {}

  public String merchantAccount() {
    return "merchant:" + merchantId + ":" + currency;
  }

  public String bankCashAccount() {
    return "bank-cash:" + currency;
  }

  /** The ledger captured what the bank confirmed. */
  public boolean captured() {
    return CAPTURED.contains(state) && capturedMinor == confirmedMinor;
  }

  /** The capture entry's business date, once captured. */
  public Optional<LocalDate> capturedOn() {
    return capture.map(Capture::effectiveDate);
  }

  /** The bank details were requested by one operator and approved by another. */
  public boolean detailsFourEyes() {
    return !detailsApprovedBy.isBlank() && !detailsApprovedBy.equals(detailsRequestedBy);
  }

  /** What keeps this payout from passing; empty when it passes. */
  List<String> failures(Collection<LocalDate> closedDates) {
    List<String> failures = new ArrayList<>();
    if (!captured()) {
      failures.add(
          String.format(
              "merchant payout %s is %s with %d captured, the bank confirmed %d",
              payoutId, state, capturedMinor, confirmedMinor));
      return failures;
    }
    if (capture.isEmpty()) {
      failures.add("merchant payout " + payoutId + " has no capture entry");
    } else if (!capture.get().pays(merchantAccount(), bankCashAccount(), capturedMinor)) {
      failures.add(
          String.format(
              "the capture entry %s of %s is no %s entry Dr %s Cr %s of %d",
              capture.get().entryId(),
              payoutId,
              SETTLEMENT,
              merchantAccount(),
              bankCashAccount(),
              capturedMinor));
    } else if (!Set.copyOf(closedDates).contains(capture.get().effectiveDate())) {
      failures.add(
          "merchant payout capture on "
              + capture.get().effectiveDate()
              + " outside the closed trial balances");
    }
    if (balanceBeforeMinor - balanceAfterMinor != capturedMinor) {
      failures.add(
          String.format(
              "%s went from %d to %d, not down by the %d captured",
              merchantAccount(), balanceBeforeMinor, balanceAfterMinor, capturedMinor));
    }
    if (!detailsFourEyes()) {
      failures.add("the bank details of " + merchantId + " were not approved by a second operator");
    }
    return failures;
  }

  /** "mpo_… captured 50000 EUR from merchant:m-demo:EUR (… → …) to bank-cash:EUR …". */
  String describe() {
    String what =
        captured()
            ? payoutId
                + " captured "
                + capturedMinor
                + " "
                + currency
                + (capturedMinor < amountMinor ? " of " + amountMinor + " held" : "")
                + " from "
                + merchantAccount()
                + " ("
                + balanceBeforeMinor
                + " → "
                + balanceAfterMinor
                + ") to "
                + bankCashAccount()
                + " ("
                + bankCashMinor
                + " after) when the bank confirmed the transfer"
            : payoutId + " of " + amountMinor + " " + currency + " " + state + ", not captured";
    return what
        + (payoutApproved ? "; the request approved by a second operator" : "")
        + "; bank details "
        + bankAccount
        + (detailsFourEyes()
            ? " approved by a second operator (" + detailsApprovedBy + ")"
            : " NOT approved by a second operator");
  }
}
