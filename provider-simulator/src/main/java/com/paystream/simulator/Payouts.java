package com.paystream.simulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the provider pays out: per business date and currency one {@link Payout} of what it booked
 * for the dates the {@link PayoutSchedule} gives that business date, shaped by the {@link
 * PayoutFaults}.
 *
 * <p>The fee is charged per payout, not per payment: {@value ProviderStatement#FEE_BASIS_POINTS}
 * basis points of the payout's payments (an unknown payment's included), rounded up to the minor
 * unit, on one FEE line. Chargebacks take back a payment's full amount and leave its fee charged.
 *
 * <p>A payout is a pure function of the books, the schedule, the faults and the seed: asked again
 * it is the same, whatever was asked in between, as long as nothing new was booked on its dates (a
 * payout is final once its business date is over).
 */
final class Payouts {

  private final String provider;
  private final StatementLines books;
  private final long seed;
  private volatile PayoutSchedule schedule = PayoutSchedule.WEEKDAYS;
  private volatile PayoutFaults faults = PayoutFaults.NONE;

  Payouts(String provider, StatementLines books, long seed) {
    this.provider = provider;
    this.books = books;
    this.seed = seed;
  }

  void schedule(PayoutSchedule newSchedule) {
    this.schedule = java.util.Objects.requireNonNull(newSchedule, "schedule");
  }

  PayoutSchedule schedule() {
    return schedule;
  }

  void faults(PayoutFaults newFaults) {
    this.faults = java.util.Objects.requireNonNull(newFaults, "faults");
  }

  /**
   * The payouts of a business date, one per currency with bookings on its dates, by currency; none
   * on a day that is not a business day.
   */
  List<Payout> of(LocalDate businessDate) {
    PayoutSchedule terms = schedule;
    if (!terms.isBusinessDay(businessDate)) {
      return List.of();
    }
    List<StatementEntry> covered =
        books.booked().stream()
            .filter(entry -> terms.covers(businessDate, entry.bookingDate()))
            .toList();
    Set<String> currencies = new TreeSet<>();
    covered.forEach(entry -> currencies.add(entry.currency()));
    List<Payout> payouts = new ArrayList<>();
    for (String currency : currencies) {
      List<StatementEntry> lines =
          covered.stream().filter(entry -> entry.currency().equals(currency)).toList();
      payout(terms, faults, businessDate, currency, lines).ifPresent(payouts::add);
    }
    return payouts;
  }

  /** The payouts that reach our bank on {@code bankDate} (late ones included), by reference. */
  List<Payout> arriving(LocalDate bankDate) {
    PayoutSchedule terms = schedule;
    // a payout arrives at most (arrival days + 1 for a late one) business days after its date,
    // and a business day is at most a week after the previous one
    long window = 7L * (terms.arrivalBusinessDays() + 2);
    List<Payout> arriving = new ArrayList<>();
    for (LocalDate date = bankDate.minusDays(window);
        !date.isAfter(bankDate);
        date = date.plusDays(1)) {
      for (Payout payout : of(date)) {
        if (payout.bankBookingDate().filter(bankDate::equals).isPresent()) {
          arriving.add(payout);
        }
      }
    }
    return arriving;
  }

  /** Empty when the net is exactly zero: the provider moves no money and makes no payout. */
  private Optional<Payout> payout(
      PayoutSchedule terms,
      PayoutFaults rules,
      LocalDate businessDate,
      String currency,
      List<StatementEntry> booked) {
    String reference = Payout.reference(provider, currency, businessDate);
    Set<PayoutFault> drawn = rules.decide(reference, seed);
    Random random = PayoutFaults.random(seed, reference + "/lines");
    Set<PayoutFault> applied = EnumSet.noneOf(PayoutFault.class);
    List<StatementEntry> lines = new ArrayList<>(booked);
    List<StatementEntry> payments =
        booked.stream().filter(entry -> entry.kind() == StatementEntry.Kind.PAYMENT).toList();
    if (drawn.contains(PayoutFault.UNKNOWN_LINE)) {
      lines.add(unknownPayment(businessDate, currency, random));
      applied.add(PayoutFault.UNKNOWN_LINE);
    }
    List<String> chargedBack = new ArrayList<>();
    if (drawn.contains(PayoutFault.CHARGEBACK) && !payments.isEmpty()) {
      StatementEntry disputed = payments.get(random.nextInt(payments.size()));
      lines.add(chargeback(businessDate, disputed));
      chargedBack.add(disputed.providerReference());
      applied.add(PayoutFault.CHARGEBACK);
    }
    long fee = fee(lines);
    if (drawn.contains(PayoutFault.NEGATIVE)) {
      // every payment of the report may be charged back, an unknown one too: enough to go negative
      List<StatementEntry> reported =
          lines.stream().filter(entry -> entry.kind() == StatementEntry.Kind.PAYMENT).toList();
      for (StatementEntry payment : reported) {
        if (net(lines, fee) < 0) {
          break;
        }
        if (!chargedBack.contains(payment.providerReference())) {
          lines.add(chargeback(businessDate, payment));
        }
      }
      if (net(lines, fee) < 0) {
        applied.add(PayoutFault.NEGATIVE);
      }
    }
    long net = net(lines, fee);
    if (net == 0) {
      return Optional.empty();
    }
    LocalDate valueDate = terms.valueDate(businessDate);
    LocalDate arrival = null;
    long bankAmount = net;
    if (drawn.contains(PayoutFault.MISSING)) {
      applied.add(PayoutFault.MISSING);
    } else {
      arrival = valueDate;
      if (drawn.contains(PayoutFault.LATE)) {
        arrival = terms.next(valueDate);
        applied.add(PayoutFault.LATE);
      }
      // Short by all of it would be a transfer of nothing, which no bank books: paid in full.
      if (drawn.contains(PayoutFault.SHORT) && net != rules.shortByMinor()) {
        bankAmount = net - rules.shortByMinor();
        applied.add(PayoutFault.SHORT);
      }
    }
    return Optional.of(
        new Payout(
            provider, currency, businessDate, valueDate, lines, fee, applied, arrival, bankAmount));
  }

  /** The day's fee: basis points of the payments, rounded up (payments are never negative). */
  static long fee(List<StatementEntry> lines) {
    long payments =
        lines.stream()
            .filter(entry -> entry.kind() == StatementEntry.Kind.PAYMENT)
            .mapToLong(StatementEntry::amountMinor)
            .sum();
    // Math.ceilDiv is not in Java 17
    return (Math.multiplyExact(payments, ProviderStatement.FEE_BASIS_POINTS) + 9_999L) / 10_000L;
  }

  private static long net(List<StatementEntry> lines, long fee) {
    return lines.stream().mapToLong(StatementEntry::signedMinor).sum() - fee;
  }

  private static StatementEntry unknownPayment(
      LocalDate businessDate, String currency, Random random) {
    byte[] id = new byte[10];
    random.nextBytes(id);
    String hex = HexFormat.of().formatHex(id);
    return new StatementEntry(
        businessDate,
        "psp_unknown_" + hex,
        "pay_unknown_" + hex,
        currency,
        100 + random.nextInt(9_900),
        StatementEntry.Kind.PAYMENT);
  }

  private static StatementEntry chargeback(LocalDate businessDate, StatementEntry payment) {
    return new StatementEntry(
        businessDate,
        "cb_" + payment.providerReference(),
        payment.reference(),
        payment.currency(),
        payment.amountMinor(),
        StatementEntry.Kind.CHARGEBACK);
  }
}
