package com.paystream.ledger.publishing;

import com.paystream.schemas.topics.Topic;
import com.paystream.schemas.topics.TopicNames;
import com.paystream.schemas.topics.Topics;
import java.util.List;
import java.util.Objects;

/**
 * The catalogue topics the ledger reads and writes, named by {@link TopicNames} under the
 * deployment's prefix (tests give each class its own prefix so that they share one broker without
 * seeing each other's records).
 */
public record LedgerTopics(TopicNames names) {

  public LedgerTopics {
    Objects.requireNonNull(names, "names");
  }

  public static LedgerTopics withPrefix(String prefix) {
    return new LedgerTopics(new TopicNames(Objects.requireNonNull(prefix, "prefix")));
  }

  /** The prefix before every name; empty in production. */
  public String prefix() {
    return names.prefix();
  }

  public String callbacks() {
    return names.name(Topics.PAYMENT_CALLBACKS);
  }

  public String commands() {
    return names.name(Topics.PAYMENT_COMMANDS);
  }

  public String entries() {
    return names.name(Topics.LEDGER_ENTRIES);
  }

  public String cashflow() {
    return names.name(Topics.LEDGER_CASHFLOW);
  }

  public String deadLetters() {
    return names.name(Topics.PAYMENT_CALLBACKS_DLT);
  }

  public String seals() {
    return names.name(Topics.LEDGER_SEALS);
  }

  public String audit() {
    return names.name(Topics.AUDIT_EVENTS);
  }

  /** The topics the ledger reads or writes, to create at startup. */
  public List<Topic<?>> owned() {
    return names.all(
        List.of(
            Topics.PAYMENT_CALLBACKS,
            Topics.PAYMENT_COMMANDS,
            Topics.PAYMENT_CALLBACKS_DLT,
            Topics.LEDGER_ENTRIES,
            Topics.LEDGER_CASHFLOW,
            Topics.LEDGER_SEALS,
            Topics.AUDIT_EVENTS,
            Topics.RECON_SETTLEMENTS));
  }
}
