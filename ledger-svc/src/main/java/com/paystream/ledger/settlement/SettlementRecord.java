package com.paystream.ledger.settlement;

import com.paystream.ledger.booking.SourceRef;
import com.paystream.ledger.journal.Refusal;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * A consumed record of {@code recon.settlements.v1} this group books: a provider payout, or bytes
 * that decode to no settlement. {@code traceId} and {@code spanId} name the trace the ledger
 * continued for the record and the span that consumed it (empty: none), so that its entry, events
 * or dead letter carry them.
 */
public sealed interface SettlementRecord {

  SourceRef source();

  String traceId();

  String spanId();

  /** The id the record is applied by, exactly once. */
  UUID sourceEventId();

  /** The id of the message, for a dead letter; null when it could not be read. */
  UUID messageId();

  /** A provider payout; {@code messageId} is its envelope's event id. */
  record Payout(
      SourceRef source, UUID messageId, ProviderPayout payout, String traceId, String spanId)
      implements SettlementRecord {
    public Payout {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(payout, "payout");
      traceId = traceId == null ? "" : traceId;
      spanId = spanId == null ? "" : spanId;
    }

    /**
     * Derived from the payout's reference ({@link ProviderSettlementRules#sourceId}); a payout
     * without one gets its record's position, so that it is still dead-lettered only once.
     */
    @Override
    public UUID sourceEventId() {
      String id = payout.settlementId();
      return id == null || id.isBlank() ? positionId(source) : ProviderSettlementRules.sourceId(id);
    }
  }

  /** Bytes that are no settlement, with why. */
  record Unreadable(SourceRef source, Refusal refusal, String traceId, String spanId)
      implements SettlementRecord {
    public Unreadable {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(refusal, "refusal");
      traceId = traceId == null ? "" : traceId;
      spanId = spanId == null ? "" : spanId;
    }

    @Override
    public UUID sourceEventId() {
      return positionId(source);
    }

    @Override
    public UUID messageId() {
      return null;
    }
  }

  /**
   * An id for a record of this group that names no payout: its position, under this rule's own
   * name, so that another group reading the same topic (merchant payouts) never shares it.
   */
  private static UUID positionId(SourceRef source) {
    return UUID.nameUUIDFromBytes(
        ("settlement:" + ProviderSettlementRules.KIND + ":record:" + source)
            .getBytes(StandardCharsets.UTF_8));
  }
}
