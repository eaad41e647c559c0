package com.paystream.recon.matching;

import java.util.regex.Pattern;

/**
 * Whether a statement reference is a payment id of this suite: only those can be lost orders, and
 * only those make the gateway ask the provider for the payment's status. The gateway mints {@code
 * pay_<32 hex>}; payments that reach it by webhook, the demo and the tests name theirs {@code
 * pay_…} or {@code pay-…}. Anything else (a bank's own reference such as {@code EUR-E2E-001}, an
 * invoice number) is no payment of ours, however it was paid.
 */
public final class SuitePaymentIds {

  private static final Pattern SHAPE = Pattern.compile("pay[_-][A-Za-z0-9][A-Za-z0-9_-]{0,59}");

  private SuitePaymentIds() {}

  public static boolean matches(String reference) {
    return reference != null && SHAPE.matcher(reference).matches();
  }
}
