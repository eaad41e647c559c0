package com.paystream.ledger.input.web;

import com.paystream.platform.input.InputPolicy;
import com.paystream.platform.input.InputReason;
import com.paystream.platform.input.InputRefusedException;
import com.paystream.platform.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The one place where the ledger's controllers turn what a request carries into values: every
 * parameter, path segment and body field goes through here, so the policy ({@link InputPolicy},
 * {@code paystream.input}) is applied the same way everywhere and before any use case or query sees
 * the value. Each method returns the value or throws {@link InputRefusedException}, which {@link
 * LedgerProblems} answers 400.
 */
@Component
public class LedgerInput {

  private final InputPolicy policy;

  public LedgerInput(InputPolicy policy) {
    this.policy = policy;
  }

  public InputPolicy policy() {
    return policy;
  }

  public Instant instant(String field, String value) {
    return policy.instant(field, value);
  }

  public Optional<Instant> instant(String field, Optional<String> value) {
    return value.map(v -> policy.instant(field, v));
  }

  public LocalDate date(String field, String value) {
    return policy.date(field, value);
  }

  public Optional<LocalDate> date(String field, Optional<String> value) {
    return value.map(v -> policy.date(field, v));
  }

  public UUID uuid(String field, String value) {
    return policy.uuid(field, value);
  }

  public String identifier(String field, String value) {
    return policy.identifier(field, value);
  }

  public Optional<String> identifier(String field, Optional<String> value) {
    return value.map(v -> policy.identifier(field, v));
  }

  /** Free text, capped; null stays null. */
  public String text(String field, String value) {
    return policy.text(field, value);
  }

  public Optional<String> text(String field, Optional<String> value) {
    return value.map(v -> policy.text(field, v));
  }

  /**
   * An amount as JSON carried it: a whole number (1.5 is refused, never read as 1) that fits a
   * long, positive and at most the currency's configured maximum, in an accepted currency.
   */
  public Money amount(String field, BigDecimal minor, String currency) {
    policy.currency("currency", currency);
    long whole = policy.integer(field, minor, Long.MIN_VALUE, Long.MAX_VALUE);
    return policy.amount(field, whole, currency);
  }

  /** A page size: whole, 1 to the smaller of {@code max} and the policy's largest page. */
  public int pageSize(String field, Optional<String> value, int fallback, int max) {
    if (value.isEmpty()) {
      return fallback;
    }
    BigDecimal number;
    try {
      number = new BigDecimal(value.get());
    } catch (NumberFormatException e) {
      throw new InputRefusedException(
          InputReason.MALFORMED,
          field,
          field + " must be a whole number, was " + InputPolicy.echo(value.get()));
    }
    if (number.stripTrailingZeros().scale() > 0) {
      throw new InputRefusedException(
          InputReason.NOT_AN_INTEGER,
          field,
          field + " must be a whole number, was " + InputPolicy.echo(value.get()));
    }
    int largest = Math.min(max, policy.maxPageSize());
    if (number.compareTo(BigDecimal.ONE) < 0 || number.compareTo(BigDecimal.valueOf(largest)) > 0) {
      throw new InputRefusedException(
          InputReason.PAGE_SIZE_OUT_OF_RANGE,
          field,
          "%s must be between 1 and %d, was %s"
              .formatted(field, largest, InputPolicy.echo(value.get())));
    }
    return number.intValueExact();
  }

  /** One of {@code allowed}, exactly. */
  public String oneOf(String field, String value, java.util.List<String> allowed) {
    if (!allowed.contains(value)) {
      throw new InputRefusedException(
          InputReason.MALFORMED,
          field,
          field + " must be one of " + allowed + ", was " + InputPolicy.echo(value));
    }
    return value;
  }
}
