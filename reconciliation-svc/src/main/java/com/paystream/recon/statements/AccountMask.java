package com.paystream.recon.statements;

/**
 * Masks account numbers before they leave the parser: statements carry full IBANs and account
 * numbers, which must never reach a topic or a log.
 */
public final class AccountMask {

  private static final int SHOWN = 4;

  private AccountMask() {}

  /** {@code DE89370400440532013000} becomes {@code DE89**************3000}. */
  public static String mask(String account) {
    if (account == null || account.isBlank()) {
      return "unknown";
    }
    String compact = account.replaceAll("\\s", "");
    if (compact.length() <= 2 * SHOWN) {
      return "*".repeat(compact.length());
    }
    return compact.substring(0, SHOWN)
        + "*".repeat(compact.length() - 2 * SHOWN)
        + compact.substring(compact.length() - SHOWN);
  }
}
