package com.paystream.simulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The provider's payout report of one business date: per currency the {@link Payout}'s lines, the
 * way providers publish settlement reports, as a provider CSV that reconciliation-svc ingests.
 */
public final class PayoutReport {

  /** The provider CSV's columns and the payout reference every line of a payout report has. */
  public static final List<String> CSV_COLUMNS =
      Stream.concat(ProviderStatement.CSV_COLUMNS.stream(), Stream.of("payout_reference")).toList();

  private final LocalDate businessDate;
  private final List<Payout> payouts;

  PayoutReport(LocalDate businessDate, List<Payout> payouts) {
    this.businessDate = businessDate;
    this.payouts = List.copyOf(payouts);
  }

  public LocalDate businessDate() {
    return businessDate;
  }

  /** One per currency, by currency; none on a day without bookings or not a business day. */
  public List<Payout> payouts() {
    return payouts;
  }

  public boolean isEmpty() {
    return payouts.isEmpty();
  }

  /**
   * RFC 4180 with a header row ({@link #CSV_COLUMNS}); per payout (statement id {@code
   * payout-<provider>-<CUR>-<yyyyMMdd>}) its payments (CREDIT), refunds and chargebacks (DEBIT),
   * numbered {@code 0001}… with the payment id as payment reference, then {@code FEE} (DEBIT) and
   * {@code PAYOUT}: the net, DEBIT when zero or more (the provider's money leaves for our bank),
   * CREDIT when negative (the provider takes it from our bank), dated the business date with the
   * value date the money reaches our bank. Every line's payout reference is the payout's id.
   */
  public String csv() {
    StringBuilder csv = new StringBuilder(String.join(",", CSV_COLUMNS)).append('\n');
    for (Payout payout : payouts) {
      List<StatementEntry> lines = payout.reportLines();
      for (int i = 0; i < lines.size(); i++) {
        csv.append(String.join(",", row(payout, lines.get(i), i))).append('\n');
      }
    }
    return csv.toString();
  }

  private static List<String> row(Payout payout, StatementEntry line, int index) {
    List<String> row = new ArrayList<>();
    row.add(payout.statementId());
    row.add(lineId(line, index));
    row.add(line.bookingDate().toString());
    row.add(valueDate(payout, line).toString());
    row.add(line.reference() == null ? "" : line.reference());
    row.add(payout.provider());
    row.add(credit(payout, line) ? "CREDIT" : "DEBIT");
    row.add(Long.toString(line.amountMinor()));
    row.add(payout.currency());
    row.add(description(line));
    row.add(line.kind().name().toLowerCase(Locale.ROOT));
    row.add(payout.reference());
    return row;
  }

  private static boolean credit(Payout payout, StatementEntry line) {
    return switch (line.kind()) {
      case PAYMENT -> true;
      case PAYOUT -> payout.netMinor() < 0;
      case REFUND, FEE, CHARGEBACK -> false;
    };
  }

  private static LocalDate valueDate(Payout payout, StatementEntry line) {
    return line.kind() == StatementEntry.Kind.PAYOUT ? payout.valueDate() : line.bookingDate();
  }

  /** The fee and the payout have fixed ids: one of each per payout. */
  private static String lineId(StatementEntry line, int index) {
    return switch (line.kind()) {
      case FEE, PAYOUT -> line.kind().name();
      case PAYMENT, REFUND, CHARGEBACK -> "%04d".formatted(index + 1);
    };
  }

  private static String description(StatementEntry line) {
    String kind =
        line.kind().name().charAt(0) + line.kind().name().substring(1).toLowerCase(Locale.ROOT);
    return kind + " " + line.providerReference();
  }
}
