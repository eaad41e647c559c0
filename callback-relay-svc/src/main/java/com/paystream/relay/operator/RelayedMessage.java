package com.paystream.relay.operator;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A recorded callback or command as an operator sees it: where it stands, what it is about, and its
 * delivery history. {@code nextAttemptAt} is null when nothing more is scheduled.
 */
public record RelayedMessage(
    UUID messageId,
    String kind,
    String topic,
    String paymentId,
    String provider,
    String status,
    int attempts,
    Instant createdAt,
    Instant publishedAt,
    Instant nextAttemptAt,
    String lastError,
    List<HistoryEvent> history) {

  public RelayedMessage withHistory(List<HistoryEvent> events) {
    return new RelayedMessage(
        messageId,
        kind,
        topic,
        paymentId,
        provider,
        status,
        attempts,
        createdAt,
        publishedAt,
        nextAttemptAt,
        lastError,
        List.copyOf(events));
  }
}
