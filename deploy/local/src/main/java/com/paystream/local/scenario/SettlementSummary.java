package com.paystream.local.scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the settlement phase saw: each provider payout of the day, as the provider reported it, our
 * bank booked it, reconciliation matched it and the ledger booked it; per currency the provider
 * clearing and suspense balances once the payouts were booked; and the merchant payouts the bank
 * confirmed on the same statement and the ledger captured.
 *
 * @param payouts by business date and currency
 * @param balances by currency
 * @param merchantPayouts the merchant payouts requested during the settlement
 * @param clearingChecks reconciliation's clearing check per currency once the payouts settled
 */
public record SettlementSummary(
    List<PayoutOutcome> payouts,
    List<Balances> balances,
    List<MerchantPayoutOutcome> merchantPayouts,
    List<ClearingCheck> clearingChecks) {

  static final String MATCHED = "PAYOUT_MATCHED";
  static final String SHORT = "PAYOUT_SHORT";
  static final String OVER = "PAYOUT_OVER";
  static final String MISSING = "PAYOUT_MISSING";

  public SettlementSummary {
    payouts = List.copyOf(payouts);
    balances = List.copyOf(balances);
    merchantPayouts = List.copyOf(merchantPayouts);
    clearingChecks = List.copyOf(clearingChecks);
  }

  /** A summary before reconciliation's clearing check was read. */
  public SettlementSummary(
      List<PayoutOutcome> payouts,
      List<Balances> balances,
      List<MerchantPayoutOutcome> merchantPayouts) {
    this(payouts, balances, merchantPayouts, List.of());
  }

  /**
   * Reconciliation's clearing check of one currency ({@code GET /v1/clearing}): the ledger's
   * provider clearing against the booked payments no payout contained yet plus the payouts reported
   * and not yet on the bank; {@code differenceMinor} is 0 when they add up.
   */
  public record ClearingCheck(
      String currency,
      long balanceMinor,
      long unpaidMinor,
      long awaitingPayoutMinor,
      long differenceMinor) {}

  /**
   * One provider payout.
   *
   * @param netMinor the report's net (payments − refunds − fees − chargebacks)
   * @param bankAmountMinor what our bank booked, signed; meaningless when it never reached it
   * @param reachedBank whether our bank's statement carries it
   * @param shortInjected the scenario made the provider pay it short
   * @param outcome reconciliation's leg-A outcome ({@code PAYOUT_MATCHED}, {@code PAYOUT_SHORT},
   *     {@code PAYOUT_OVER}, {@code PAYOUT_MISSING}), empty while it has none
   * @param openBreakId its open break, if any
   * @param bookedOn the effective date of the ledger's PROVIDER_SETTLEMENT entry, if booked
   */
  public record PayoutOutcome(
      String reference,
      String currency,
      LocalDate businessDate,
      long netMinor,
      long bankAmountMinor,
      boolean reachedBank,
      boolean shortInjected,
      String outcome,
      Optional<String> openBreakId,
      Optional<LocalDate> bookedOn) {

    /**
     * The bank line was matched to the report: to the cent, or short or over (then also a break);
     * or it came after the payout was reported missing and closed that break.
     */
    public boolean matched() {
      return switch (outcome) {
        case MATCHED, SHORT, OVER -> true;
        case MISSING -> openBreakId.isEmpty() && bookedOn.isPresent();
        default -> false;
      };
    }

    public boolean isBreak() {
      return openBreakId.isPresent();
    }

    /** The bank's difference to the report, signed: negative when short. */
    public long differenceMinor() {
      return bankAmountMinor - netMinor;
    }
  }

  /**
   * A currency's balances after the payouts were booked, in each account's normal-balance sign.
   *
   * @param clearingAccount {@code provider-clearing:<provider>:<CUR>}
   * @param expectedSuspenseMinor what the booked payouts put into {@code suspense:<CUR>}: their
   *     unexplained differences less their chargebacks
   */
  public record Balances(
      String currency,
      String clearingAccount,
      long clearingMinor,
      long suspenseMinor,
      long expectedSuspenseMinor) {}

  /** Payouts whose bank line was matched to their report. */
  public long matched() {
    return payouts.stream().filter(PayoutOutcome::matched).count();
  }

  /** Payouts the ledger booked. */
  public long booked() {
    return payouts.stream().filter(payout -> payout.bookedOn().isPresent()).count();
  }

  /** The payouts with an open break. */
  public List<PayoutOutcome> breaks() {
    return payouts.stream().filter(PayoutOutcome::isBreak).toList();
  }

  /** Every payout of the currency is booked (and it has one). */
  public boolean allSettled(String currency) {
    List<PayoutOutcome> ofCurrency =
        payouts.stream().filter(payout -> payout.currency().equals(currency)).toList();
    return !ofCurrency.isEmpty()
        && ofCurrency.stream().allMatch(payout -> payout.bookedOn().isPresent());
  }

  /** The business dates the settlement entries fell on. */
  public Set<LocalDate> bookedOn() {
    Set<LocalDate> dates = new TreeSet<>();
    payouts.forEach(payout -> payout.bookedOn().ifPresent(dates::add));
    return dates;
  }

  /** The business dates of the settlement's entries: provider payouts and merchant payouts. */
  public Set<LocalDate> entryDates() {
    Set<LocalDate> dates = bookedOn();
    merchantPayouts.forEach(payout -> payout.capturedOn().ifPresent(dates::add));
    return dates;
  }

  /** What keeps the settlement from passing; empty when it passes. */
  List<String> failures(Collection<LocalDate> closedDates) {
    List<String> failures = new ArrayList<>();
    if (payouts.isEmpty()) {
      failures.add("no provider payout");
    }
    long unaccounted = payouts.stream().filter(p -> !p.matched() && !p.isBreak()).count();
    if (unaccounted > 0) {
      failures.add(unaccounted + " payouts neither matched nor a break");
    }
    long unbooked = payouts.stream().filter(p -> p.reachedBank() && p.bookedOn().isEmpty()).count();
    if (unbooked > 0) {
      failures.add(unbooked + " payouts on the bank statement not booked by the ledger");
    }
    payouts.stream()
        .filter(p -> p.shortInjected() && !(p.outcome().equals(SHORT) && p.isBreak()))
        .forEach(p -> failures.add(p.reference() + " paid short is no open PAYOUT_SHORT break"));
    for (Balances balance : balances) {
      if (allSettled(balance.currency()) && balance.clearingMinor() != 0) {
        failures.add(
            "clearing " + balance.currency() + " is " + balance.clearingMinor() + ", not 0");
      }
      if (balance.suspenseMinor() != balance.expectedSuspenseMinor()) {
        failures.add(
            "suspense "
                + balance.currency()
                + " is "
                + balance.suspenseMinor()
                + ", not "
                + balance.expectedSuspenseMinor());
      }
    }
    Set<LocalDate> outside = new TreeSet<>(bookedOn());
    outside.removeAll(Set.copyOf(closedDates));
    if (!outside.isEmpty()) {
      failures.add("settlement entries on " + outside + " outside the closed trial balances");
    }
    for (ClearingCheck check : clearingChecks) {
      if (check.differenceMinor() != 0) {
        failures.add(
            "reconciliation's clearing check "
                + check.currency()
                + " differs by "
                + check.differenceMinor());
      }
    }
    if (merchantPayouts.isEmpty()) {
      failures.add("no merchant payout");
    }
    merchantPayouts.forEach(payout -> failures.addAll(payout.failures(closedDates)));
    return failures;
  }

  /** The summary's rows: payouts matched and booked, clearing per currency, the payout breaks. */
  List<String[]> rows(Collection<LocalDate> closedDates) {
    List<String[]> rows = new ArrayList<>();
    rows.add(
        DaySummary.row(
            "payouts matched",
            matched() + "/" + payouts.size(),
            "bank credits matched to the provider's payout reports; " + differences()));
    Set<LocalDate> dates = bookedOn();
    boolean inside = Set.copyOf(closedDates).containsAll(dates);
    rows.add(
        DaySummary.row(
            "payouts booked",
            booked() + "/" + payouts.size(),
            "PROVIDER_SETTLEMENT entries on "
                + dates
                + (inside
                    ? ", inside the closed day's trial balance"
                    : ", NOT all inside a closed day's trial balance")));
    for (Balances balance : balances) {
      long count = payouts.stream().filter(p -> p.currency().equals(balance.currency())).count();
      rows.add(
          DaySummary.row(
              "clearing balance " + balance.currency(),
              balance.clearingMinor(),
              balance.clearingAccount()
                  + " after "
                  + count
                  + (count == 1 ? " payout" : " payouts")
                  + (allSettled(balance.currency()) ? " booked" : ", not all booked")
                  + "; suspense:"
                  + balance.currency()
                  + " "
                  + balance.suspenseMinor()));
    }
    for (ClearingCheck check : clearingChecks) {
      rows.add(
          DaySummary.row(
              "clearing check " + check.currency(),
              check.differenceMinor() == 0 ? "holds" : "differs by " + check.differenceMinor(),
              "reconciliation: provider clearing "
                  + check.balanceMinor()
                  + " = unpaid "
                  + check.unpaidMinor()
                  + " + awaiting payout "
                  + check.awaitingPayoutMinor()));
    }
    for (PayoutOutcome payout : breaks()) {
      rows.add(
          DaySummary.row(
              "payout break " + payout.currency(),
              payout.outcome(),
              payout.reference()
                  + ": bank "
                  + (payout.reachedBank() ? Long.toString(payout.bankAmountMinor()) : "nothing")
                  + " of "
                  + payout.netMinor()
                  + " reported; open for an operator ("
                  + payout.openBreakId().orElseThrow()
                  + ")"));
    }
    rows.add(
        DaySummary.row(
            "merchant payouts",
            merchantPayouts.stream().filter(MerchantPayoutOutcome::captured).count()
                + "/"
                + merchantPayouts.size(),
            merchantPayouts.isEmpty()
                ? "none requested"
                : merchantPayouts.stream()
                    .map(MerchantPayoutOutcome::describe)
                    .collect(Collectors.joining("; "))));
    return rows;
  }

  /** "1 short (PAYOUT_SHORT, 100 in suspense EUR)", or that none differed. */
  private String differences() {
    List<PayoutOutcome> differing =
        payouts.stream()
            .filter(p -> p.outcome().equals(SHORT) || p.outcome().equals(OVER))
            .toList();
    List<PayoutOutcome> missing =
        payouts.stream().filter(p -> p.outcome().equals(MISSING) && p.isBreak()).toList();
    if (differing.isEmpty() && missing.isEmpty()) {
      return "none short, over or missing";
    }
    List<String> parts = new ArrayList<>();
    long shorts = differing.stream().filter(p -> p.outcome().equals(SHORT)).count();
    if (shorts > 0) {
      parts.add(shorts + " short (" + inSuspense(differing, SHORT) + ")");
    }
    long overs = differing.size() - shorts;
    if (overs > 0) {
      parts.add(overs + " over (" + inSuspense(differing, OVER) + ")");
    }
    if (!missing.isEmpty()) {
      parts.add(missing.size() + " missing (PAYOUT_MISSING, open)");
    }
    return String.join("; ", parts);
  }

  private static String inSuspense(List<PayoutOutcome> differing, String outcome) {
    return differing.stream()
        .filter(p -> p.outcome().equals(outcome))
        .map(
            p ->
                outcome
                    + ", "
                    + Math.abs(p.differenceMinor())
                    + " in suspense "
                    + p.currency()
                    + (p.isBreak() ? "" : ", resolved"))
        .collect(Collectors.joining("; "));
  }
}
