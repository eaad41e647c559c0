package com.paystream.ledger.booking;

import com.paystream.ledger.journal.Refusal;
import com.paystream.ledger.payments.CommandReceived;
import com.paystream.ledger.payments.PaymentMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The commands of a batch's payments that wait for their payment to be booked: those parked in
 * earlier batches and those parked by this one. A command is parked once (a later delivery of the
 * same command keeps the first one's position) and released, in the order the commands were
 * consumed (topic, partition, offset), when the batch books its payment.
 */
final class ParkedCommands {

  private static final Comparator<InboundRecord> CONSUMED_ORDER =
      Comparator.comparing((InboundRecord r) -> r.source().topic())
          .thenComparingInt(r -> r.source().partition())
          .thenComparingLong(r -> r.source().offset());

  private final Map<String, Map<UUID, InboundRecord.Readable>> byPayment = new HashMap<>();

  ParkedCommands(List<InboundRecord.Readable> parkedEarlier) {
    parkedEarlier.forEach(this::park);
  }

  /**
   * Whether a message with this outcome waits for its payment instead of being dead-lettered: a
   * command refused only because its payment is not booked yet (callbacks and commands travel on
   * different topics, so a command can overtake its payment).
   */
  static boolean parks(PaymentMessage message, Outcome outcome) {
    return message instanceof CommandReceived
        && outcome instanceof Outcome.DeadLettered dead
        && Refusal.PAYMENT_NOT_BOOKED.equals(dead.refusal().code());
  }

  void park(InboundRecord.Readable command) {
    byPayment
        .computeIfAbsent(command.message().paymentId(), id -> new LinkedHashMap<>())
        .putIfAbsent(command.sourceEventId(), command);
  }

  /** The payment's parked commands in consumed order; they are no longer parked here. */
  List<InboundRecord.Readable> release(String paymentId) {
    Map<UUID, InboundRecord.Readable> commands = byPayment.remove(paymentId);
    if (commands == null) {
      return List.of();
    }
    List<InboundRecord.Readable> ordered = new ArrayList<>(commands.values());
    ordered.sort(CONSUMED_ORDER);
    return ordered;
  }
}
