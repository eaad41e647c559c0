package com.paystream.recon.statements;

import com.paystream.platform.input.InputPolicy;
import com.paystream.platform.input.InputRefusedException;
import com.paystream.platform.money.Money;
import com.paystream.recon.statements.MalformedStatementException.Reason;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Amounts and currencies of statement lines under the service's {@link InputPolicy}: a currency the
 * policy does not accept (XAU, XXX, one not configured) or an amount above its maximum refuses the
 * file with its own reason, like any other input of the suite.
 */
public final class StatementMoney {

  private final InputPolicy policy;

  public StatementMoney(InputPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** The policy's defaults, for parsers built outside Spring. */
  public static StatementMoney defaults() {
    return new StatementMoney(InputPolicy.defaults());
  }

  /**
   * Checks the currency before anything else, so that {@code XAU} is refused as a currency and not
   * as an amount that has no minor unit.
   *
   * @throws MalformedStatementException with {@link Reason#CURRENCY_NOT_ACCEPTED}
   */
  public String currency(String code, StatementFormat format, String where) {
    try {
      return policy.currency("currency", code).code();
    } catch (InputRefusedException e) {
      throw refusal(e, format, where);
    }
  }

  /** A line's decimal amount as written in the statement. */
  public Money decimal(
      BigDecimal amount, String currencyCode, StatementFormat format, String where) {
    currency(currencyCode, format, where);
    MinorUnits.Result minor = MinorUnits.of(amount, currencyCode);
    if (!minor.ok()) {
      throw new MalformedStatementException(format, where, minor.refusal());
    }
    return minor(minor.minor(), currencyCode, format, where);
  }

  /** A line's amount already in minor units. */
  public Money minor(long amountMinor, String currencyCode, StatementFormat format, String where) {
    try {
      return policy.amount("amount", amountMinor, currencyCode);
    } catch (InputRefusedException e) {
      throw refusal(e, format, where);
    }
  }

  private static MalformedStatementException refusal(
      InputRefusedException e, StatementFormat format, String where) {
    Reason reason =
        switch (e.reason()) {
          case CURRENCY_NOT_ACCEPTED -> Reason.CURRENCY_NOT_ACCEPTED;
          case AMOUNT_OVER_MAXIMUM -> Reason.AMOUNT_OVER_MAXIMUM;
          default -> Reason.STATEMENT_MALFORMED;
        };
    return new MalformedStatementException(format, reason, where, e.getMessage());
  }
}
