package com.paystream.gateway.payments;

import static com.paystream.gateway.payments.PaymentStatus.CANCELLED;
import static com.paystream.gateway.payments.PaymentStatus.CREATED;
import static com.paystream.gateway.payments.PaymentStatus.FAILED;
import static com.paystream.gateway.payments.PaymentStatus.PENDING;
import static com.paystream.gateway.payments.PaymentStatus.REFUNDED;
import static com.paystream.gateway.payments.PaymentStatus.SUCCEEDED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Decides what a reported status does to a payment. Callbacks arrive late, twice and out of order,
 * so the machine never moves a payment backwards and never lets a report with the wrong amount or
 * merchant move money; it says why in flags instead of throwing, because such reports are facts to
 * record, not bugs.
 */
public final class PaymentStatusMachine {

  private static final Map<PaymentStatus, Set<PaymentStatus>> ALLOWED =
      new EnumMap<>(PaymentStatus.class);

  static {
    ALLOWED.put(CREATED, EnumSet.of(PENDING, SUCCEEDED, FAILED, CANCELLED));
    ALLOWED.put(PENDING, EnumSet.of(SUCCEEDED, FAILED, CANCELLED));
    ALLOWED.put(SUCCEEDED, EnumSet.of(REFUNDED));
    ALLOWED.put(FAILED, EnumSet.noneOf(PaymentStatus.class));
    ALLOWED.put(CANCELLED, EnumSet.noneOf(PaymentStatus.class));
    ALLOWED.put(REFUNDED, EnumSet.noneOf(PaymentStatus.class));
  }

  private PaymentStatusMachine() {}

  /** True when {@code to} is a legal next status of {@code from}. */
  public static boolean canMove(PaymentStatus from, PaymentStatus to) {
    return ALLOWED.get(from).contains(to);
  }

  /** Decides what {@code report} does to {@code payment}; never throws for a plausible report. */
  public static StatusDecision decide(PaymentState payment, StatusReport report) {
    PaymentStatus current = payment.status();
    PaymentStatus reported = report.status();
    EnumSet<StatusFlag> flags = EnumSet.noneOf(StatusFlag.class);
    if (!report.merchantId().equals(payment.merchantId())) {
      flags.add(StatusFlag.MERCHANT_MISMATCH);
    }
    if (!report.amount().equals(payment.amount())) {
      flags.add(StatusFlag.AMOUNT_MISMATCH);
    }
    boolean blocked =
        flags.contains(StatusFlag.MERCHANT_MISMATCH)
            || (flags.contains(StatusFlag.AMOUNT_MISMATCH) && reported.movesMoney());
    if (reported == current) {
      flags.add(StatusFlag.REPEATED);
    } else if (!canMove(current, reported)) {
      flags.add(reported.isBehind(current) ? StatusFlag.STALE : StatusFlag.CONFLICTING_OUTCOME);
    } else if (!blocked) {
      return new StatusDecision(current, reported, reported, flags);
    }
    return new StatusDecision(current, reported, current, flags);
  }
}
