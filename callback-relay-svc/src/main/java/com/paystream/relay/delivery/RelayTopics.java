package com.paystream.relay.delivery;

import com.paystream.schemas.topics.Topic;
import com.paystream.schemas.topics.Topics;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The catalogue topics the relay reads and writes, under an optional name prefix (tests give each
 * run its own topics on a shared broker; production leaves it empty).
 */
@ConfigurationProperties("paystream.topics")
public record RelayTopics(String prefix) {

  public RelayTopics {
    prefix = prefix == null ? "" : prefix;
  }

  public String ledgerEntries() {
    return Topics.LEDGER_ENTRIES.withPrefix(prefix).name();
  }

  public String deadLetters() {
    return Topics.PAYMENT_CALLBACKS_DLT.withPrefix(prefix).name();
  }

  /** Topics the relay writes or reads; it creates the missing ones at startup. */
  public List<Topic<?>> used() {
    return List.of(
        Topics.PAYMENT_CALLBACKS.withPrefix(prefix),
        Topics.PAYMENT_COMMANDS.withPrefix(prefix),
        Topics.PAYMENT_CALLBACKS_DLT.withPrefix(prefix),
        Topics.LEDGER_ENTRIES.withPrefix(prefix));
  }
}
