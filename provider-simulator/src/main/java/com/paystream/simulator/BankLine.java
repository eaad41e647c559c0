package com.paystream.simulator;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One movement on our own bank account, as our bank's statement shows it: a provider's payout
 * arriving (or, negative, taken), a merchant payout leaving, a merchant payout coming back.
 *
 * @param bookingDate when the bank booked it: the statement it is on
 * @param valueDate the value date the transfer carried
 * @param signedAmountMinor positive a credit (money in), negative a debit; never zero
 * @param reference the transfer's reference ({@code po_…} or {@code mpo_…}): at most 35 characters
 *     (ISO 20022's {@code EndToEndId}), no spaces or slashes
 * @param description free text for the remittance information
 */
public record BankLine(
    LocalDate bookingDate,
    LocalDate valueDate,
    String currency,
    long signedAmountMinor,
    String reference,
    String description,
    Type type) {

  private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9_-]{1,35}");

  /** What moved, which decides the bank's transaction code. */
  public enum Type {
    /** A provider's payout: a credit, or a debit for a negative payout. */
    PROVIDER_PAYOUT,
    /** Our payout to a merchant: a debit. */
    MERCHANT_PAYOUT,
    /** A merchant payout the merchant's bank sent back: a credit. */
    MERCHANT_PAYOUT_RETURNED
  }

  public BankLine {
    Objects.requireNonNull(bookingDate, "bookingDate");
    Objects.requireNonNull(valueDate, "valueDate");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(type, "type");
    java.util.Currency.getInstance(currency);
    if (signedAmountMinor == 0) {
      throw new IllegalArgumentException("a bank line moves money: the amount is not zero");
    }
    if (reference == null || !REFERENCE.matcher(reference).matches()) {
      throw new IllegalArgumentException(
          "a bank line's reference is 1 to 35 letters, digits, '_' or '-', not " + reference);
    }
    description = description == null ? "" : description.strip();
  }

  /**
   * The payout as our bank books it: on the day it arrives, for what arrives.
   *
   * @throws IllegalArgumentException for a payout that never reaches the bank
   */
  public static BankLine providerPayout(Payout payout) {
    LocalDate arrival =
        payout
            .bankBookingDate()
            .orElseThrow(
                () -> new IllegalArgumentException(payout.reference() + " never reaches the bank"));
    return new BankLine(
        arrival,
        payout.valueDate(),
        payout.currency(),
        payout.bankAmountMinor(),
        payout.reference(),
        "Payout " + payout.provider(),
        Type.PROVIDER_PAYOUT);
  }

  /** Our transfer of {@code amountMinor} (positive) to a merchant: a debit. */
  public static BankLine merchantPayout(
      LocalDate bookingDate, String currency, long amountMinor, String payoutId) {
    return new BankLine(
        bookingDate,
        bookingDate,
        currency,
        -positive(amountMinor),
        payoutId,
        "Merchant payout",
        Type.MERCHANT_PAYOUT);
  }

  /** A merchant payout of {@code amountMinor} (positive) sent back to us: a credit. */
  public static BankLine merchantPayoutReturned(
      LocalDate bookingDate, String currency, long amountMinor, String payoutId) {
    return new BankLine(
        bookingDate,
        bookingDate,
        currency,
        positive(amountMinor),
        payoutId,
        "Returned merchant payout",
        Type.MERCHANT_PAYOUT_RETURNED);
  }

  public boolean credit() {
    return signedAmountMinor > 0;
  }

  public long amountMinor() {
    return Math.abs(signedAmountMinor);
  }

  private static long positive(long amountMinor) {
    if (amountMinor <= 0) {
      throw new IllegalArgumentException("the amount is positive, not " + amountMinor);
    }
    return amountMinor;
  }
}
