package com.paystream.ledger.publishing;

import com.paystream.schemas.topics.Topic;
import com.paystream.schemas.topics.Topics;
import java.util.List;
import java.util.Objects;

/**
 * The topics this instance uses: the schemas catalogue's, behind an optional name prefix (tests
 * give each class its own prefix so that they share one broker without seeing each other's
 * records).
 */
public record LedgerTopics(String prefix) {

  public LedgerTopics {
    Objects.requireNonNull(prefix, "prefix");
  }

  public static LedgerTopics withPrefix(String prefix) {
    return new LedgerTopics(prefix);
  }

  public String callbacks() {
    return name(Topics.PAYMENT_CALLBACKS);
  }

  public String commands() {
    return name(Topics.PAYMENT_COMMANDS);
  }

  public String entries() {
    return name(Topics.LEDGER_ENTRIES);
  }

  public String cashflow() {
    return name(Topics.LEDGER_CASHFLOW);
  }

  public String deadLetters() {
    return name(Topics.PAYMENT_CALLBACKS_DLT);
  }

  /** The topics the ledger reads or writes, to create at startup. */
  public List<Topic<?>> owned() {
    return List.of(
        Topics.PAYMENT_CALLBACKS.withPrefix(prefix),
        Topics.PAYMENT_COMMANDS.withPrefix(prefix),
        Topics.PAYMENT_CALLBACKS_DLT.withPrefix(prefix),
        Topics.LEDGER_ENTRIES.withPrefix(prefix),
        Topics.LEDGER_CASHFLOW.withPrefix(prefix));
  }

  private String name(Topic<?> topic) {
    return topic.withPrefix(prefix).name();
  }
}
