package com.paystream.relay.operator;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Where the operator API reads messages and their history and records redrives. */
public interface MessageStore {

  /** Up to {@code limit} messages matching the filter (all but provider) after {@code afterSeq}. */
  List<StoredMessage> scan(MessageFilter filter, long afterSeq, int limit);

  Optional<StoredMessage> find(UUID messageId);

  Map<UUID, List<HistoryEvent>> history(Collection<UUID> messageIds);

  /** The message's status, or empty when no such message was recorded. */
  Optional<String> status(UUID messageId);

  /**
   * Makes the messages due now with a fresh schedule, unless the ledger confirmed them meanwhile
   * (checked in the same statement, so a confirmation racing the redrive wins); returns those that
   * were made due.
   */
  List<UUID> redrive(Collection<UUID> messageIds);

  /** Appends an operator_audit row (approvedBy null without four eyes) and returns its id. */
  long audit(
      String operator,
      String approvedBy,
      String action,
      String reason,
      MessageFilter filter,
      List<UUID> messageIds);

  /** Wakes the publishers at commit (through the outbox notification channel). */
  void wakePublishersAtCommit();
}
