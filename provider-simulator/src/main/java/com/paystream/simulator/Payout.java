package com.paystream.simulator;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One payout of the provider to us: one currency, one business date. Its report lists every line it
 * contains (payments, refunds, chargebacks, the day's fee) and its net, {@code payments − refunds −
 * fees − chargebacks}; the bank receives the net (or pays it, when negative) on the value date,
 * unless a {@link PayoutFault} says otherwise.
 */
public final class Payout {

  private final String provider;
  private final String currency;
  private final LocalDate businessDate;
  private final LocalDate valueDate;
  private final List<StatementEntry> lines;
  private final long feesMinor;
  private final Set<PayoutFault> faults;
  private final LocalDate bankBookingDate;
  private final long bankAmountMinor;

  /**
   * @param lines the payments, refunds and chargebacks, in report order (the fee is {@code
   *     feesMinor})
   * @param bankBookingDate when the money reaches our bank; null when it never does
   * @param bankAmountMinor what reaches our bank, signed (negative: the provider debits us)
   */
  Payout(
      String provider,
      String currency,
      LocalDate businessDate,
      LocalDate valueDate,
      List<StatementEntry> lines,
      long feesMinor,
      Set<PayoutFault> faults,
      LocalDate bankBookingDate,
      long bankAmountMinor) {
    this.provider = provider;
    this.currency = currency;
    this.businessDate = businessDate;
    this.valueDate = valueDate;
    this.lines = List.copyOf(lines);
    this.feesMinor = feesMinor;
    this.faults = Set.copyOf(faults);
    this.bankBookingDate = bankBookingDate;
    this.bankAmountMinor = bankAmountMinor;
  }

  /** {@code po_<provider>_<CUR>_<yyyyMMdd>}: the payout's id, its reference on the bank line. */
  public static String reference(String provider, String currency, LocalDate businessDate) {
    return "po_" + provider + "_" + currency + "_" + businessDate.format(StatementFormats.YYYYMMDD);
  }

  public String reference() {
    return reference(provider, currency, businessDate);
  }

  /** {@code payout-<provider>-<CUR>-<yyyyMMdd>}: the statement id of its report. */
  public String statementId() {
    return "payout-"
        + provider
        + "-"
        + currency
        + "-"
        + businessDate.format(StatementFormats.YYYYMMDD);
  }

  public String provider() {
    return provider;
  }

  public String currency() {
    return currency;
  }

  public LocalDate businessDate() {
    return businessDate;
  }

  /** When the provider says the money reaches our bank. */
  public LocalDate valueDate() {
    return valueDate;
  }

  /** The faults that shaped this payout (a fault drawn that could not apply is not among them). */
  public Set<PayoutFault> faults() {
    return faults;
  }

  public long paymentsMinor() {
    return sum(StatementEntry.Kind.PAYMENT);
  }

  public long refundsMinor() {
    return sum(StatementEntry.Kind.REFUND);
  }

  public long chargebacksMinor() {
    return sum(StatementEntry.Kind.CHARGEBACK);
  }

  public long feesMinor() {
    return feesMinor;
  }

  /** The report's net: payments − refunds − fees − chargebacks; never zero. */
  public long netMinor() {
    return paymentsMinor() - refundsMinor() - feesMinor - chargebacksMinor();
  }

  /** When the money reaches our bank; empty when it never does ({@link PayoutFault#MISSING}). */
  public Optional<LocalDate> bankBookingDate() {
    return Optional.ofNullable(bankBookingDate);
  }

  /**
   * What our bank books, signed: the net, less the unexplained fee of a {@link PayoutFault#SHORT}
   * payout; negative when the provider debits us. Meaningless without {@link #bankBookingDate}.
   */
  public long bankAmountMinor() {
    return bankAmountMinor;
  }

  /** The payment ids of the payout's payment lines, in report order. */
  public List<String> paymentIds() {
    return lines.stream()
        .filter(line -> line.kind() == StatementEntry.Kind.PAYMENT)
        .map(StatementEntry::reference)
        .toList();
  }

  /** Lines of the report, the fee's and the payout's included. */
  public int lineCount() {
    return reportLines().size();
  }

  /** The payments, refunds and chargebacks, without the fee and payout lines. */
  List<StatementEntry> lines() {
    return lines;
  }

  /** Every line of the report in order: the movements, the fee (if any), the payout. */
  List<StatementEntry> reportLines() {
    List<StatementEntry> report = new java.util.ArrayList<>(lines);
    if (feesMinor > 0) {
      report.add(
          new StatementEntry(
              businessDate,
              "fee_" + reference(),
              null,
              currency,
              feesMinor,
              StatementEntry.Kind.FEE));
    }
    report.add(
        new StatementEntry(
            businessDate,
            reference(),
            null,
            currency,
            Math.abs(netMinor()),
            StatementEntry.Kind.PAYOUT));
    return report;
  }

  private long sum(StatementEntry.Kind kind) {
    return lines.stream()
        .filter(line -> line.kind() == kind)
        .mapToLong(StatementEntry::amountMinor)
        .sum();
  }

  /** Payouts are values: the same payout asked for twice is equal. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Payout that
        && provider.equals(that.provider)
        && currency.equals(that.currency)
        && businessDate.equals(that.businessDate)
        && valueDate.equals(that.valueDate)
        && lines.equals(that.lines)
        && feesMinor == that.feesMinor
        && faults.equals(that.faults)
        && java.util.Objects.equals(bankBookingDate, that.bankBookingDate)
        && bankAmountMinor == that.bankAmountMinor;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(reference(), lines, feesMinor, faults, bankAmountMinor);
  }

  @Override
  public String toString() {
    return "Payout[%s net=%d bank=%s %s faults=%s]"
        .formatted(
            reference(),
            netMinor(),
            bankBookingDate == null ? "none" : Long.toString(bankAmountMinor),
            bankBookingDate == null ? "" : bankBookingDate.toString(),
            faults);
  }
}
