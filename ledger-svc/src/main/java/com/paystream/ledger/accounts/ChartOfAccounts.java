package com.paystream.ledger.accounts;

import java.util.Currency;

/**
 * The accounts the posting rules use, one per party and currency. Which of them may overdraw is a
 * business decision written here once:
 *
 * <ul>
 *   <li>provider clearing (ASSET, may go negative): what a provider owes us; a refund before the
 *       provider settled, or a settlement ahead of our books, legitimately takes it below zero.
 *   <li>merchant (LIABILITY, never negative): what we owe a merchant; we never pay out or refund
 *       money a merchant does not have with us.
 *   <li>fee revenue (REVENUE, may go negative): our fees; an amendment may take back more fee than
 *       was booked in a period.
 *   <li>bank cash (ASSET, may go negative): money on our bank account. The books follow the bank
 *       statement: a negative provider payout (the provider debits our account) or a merchant
 *       payout is booked when the bank moved the money, and whether the account may be overdrawn is
 *       the bank's to allow, not ours to refuse after the fact (issue 19; until then bank cash was
 *       never fed and refused to go negative).
 *   <li>provider fees (EXPENSE, may go negative): what providers charge us, booked when their
 *       payout arrives; a payout over its report within the tolerance lowers it.
 *   <li>suspense (LIABILITY, may go negative): money we cannot attribute yet: chargebacks netted
 *       from a payout and a payout's unexplained difference, until an operator resolves the break.
 * </ul>
 */
public final class ChartOfAccounts {

  private ChartOfAccounts() {}

  public static AccountSpec providerClearing(String provider, Currency currency) {
    return new AccountSpec(
        "provider-clearing:" + provider + ":" + currency.getCurrencyCode(),
        "Clearing with provider " + provider,
        AccountType.ASSET,
        currency,
        true);
  }

  public static AccountSpec merchant(String merchantId, Currency currency) {
    return new AccountSpec(
        "merchant:" + merchantId + ":" + currency.getCurrencyCode(),
        "Payable to merchant " + merchantId,
        AccountType.LIABILITY,
        currency,
        false);
  }

  /**
   * Whether an account (by its code) is one of a merchant's own: what a merchant's principal may
   * read. A merchant sees nothing else of the books.
   */
  public static boolean belongsToMerchant(String accountCode, String merchantId) {
    return accountCode.startsWith("merchant:" + merchantId + ":");
  }

  public static AccountSpec feeRevenue(Currency currency) {
    return new AccountSpec(
        "fee-revenue:" + currency.getCurrencyCode(),
        "Fee revenue",
        AccountType.REVENUE,
        currency,
        true);
  }

  public static AccountSpec bankCash(Currency currency) {
    return new AccountSpec(
        "bank-cash:" + currency.getCurrencyCode(), "Bank cash", AccountType.ASSET, currency, true);
  }

  public static AccountSpec providerFees(String provider, Currency currency) {
    return new AccountSpec(
        "provider-fees:" + provider + ":" + currency.getCurrencyCode(),
        "Fees charged by provider " + provider,
        AccountType.EXPENSE,
        currency,
        true);
  }

  public static AccountSpec suspense(Currency currency) {
    return new AccountSpec(
        "suspense:" + currency.getCurrencyCode(),
        "Suspense (unattributed)",
        AccountType.LIABILITY,
        currency,
        true);
  }
}
