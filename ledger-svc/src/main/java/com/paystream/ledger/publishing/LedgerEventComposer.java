package com.paystream.ledger.publishing;

import com.paystream.ledger.audit.AuditEvents;
import com.paystream.ledger.booking.AppliedRecord;
import com.paystream.ledger.booking.BatchPlan;
import com.paystream.ledger.booking.EventComposer;
import com.paystream.ledger.booking.InboundRecord;
import com.paystream.ledger.booking.OutboxMessage;
import com.paystream.ledger.booking.Outcome;
import com.paystream.ledger.journal.BookedEntry;
import com.paystream.ledger.journal.BookedPosting;
import com.paystream.ledger.journal.Refusal;
import com.paystream.ledger.payments.MessageMeta;
import com.paystream.ledger.payments.PaymentMessage;
import com.paystream.ledger.sealing.DaySeal;
import com.paystream.ledger.sealing.SignedSeal;
import com.paystream.platform.audit.AuditRecord;
import com.paystream.platform.ids.PaymentId;
import com.paystream.schemas.audit.AuditEvent;
import com.paystream.schemas.common.Envelope;
import com.paystream.schemas.common.Side;
import com.paystream.schemas.deadletter.DeadLetter;
import com.paystream.schemas.ledger.AccountType;
import com.paystream.schemas.ledger.CashflowLine;
import com.paystream.schemas.ledger.EntryOutcome;
import com.paystream.schemas.ledger.EntryType;
import com.paystream.schemas.ledger.JournalEntry;
import com.paystream.schemas.ledger.LedgerEntryEvent;
import com.paystream.schemas.ledger.LedgerSeal;
import com.paystream.schemas.ledger.Posting;
import com.paystream.schemas.ledger.SourceType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Turns a planned batch into the records the ledger publishes: per applied message one {@link
 * LedgerEntryEvent} (the relay confirms the callback by it), per posting one {@link CashflowLine},
 * and per refused record one {@link DeadLetter}. Event ids are derived from what caused them, so a
 * batch planned twice (after a crash) would publish the same ids, and consumers deduplicate.
 */
public final class LedgerEventComposer implements EventComposer, AuditEvents {

  static final String FAILED_BY = "ledger-svc";

  private final LedgerTopics topics;
  private final Serializer<SpecificRecord> serializer;

  public LedgerEventComposer(LedgerTopics topics, Serializer<SpecificRecord> serializer) {
    this.topics = Objects.requireNonNull(topics, "topics");
    this.serializer = Objects.requireNonNull(serializer, "serializer");
  }

  @Override
  public List<OutboxMessage> compose(BatchPlan plan) {
    List<OutboxMessage> messages = new ArrayList<>();
    for (AppliedRecord applied : plan.firstTime()) {
      Outcome outcome = applied.outcome();
      if (outcome instanceof Outcome.DeadLettered dead) {
        messages.add(deadLetter(applied.record(), dead.refusal(), plan.bookedAt()));
      } else if (outcome instanceof Outcome.Parked parked) {
        // Answered as before: a retryable dead letter, which the relay reads as "not yet".
        messages.add(deadLetter(applied.record(), parked.refusal(), plan.bookedAt()));
      } else if (applied.record() instanceof InboundRecord.Readable readable) {
        messages.add(entryEvent(readable, outcome, plan.bookedAt()));
        if (outcome instanceof Outcome.Posted posted) {
          messages.addAll(cashflow(readable, posted.entry()));
        }
      }
    }
    return messages;
  }

  private OutboxMessage entryEvent(InboundRecord.Readable readable, Outcome outcome, Instant at) {
    PaymentMessage message = readable.message();
    BookedEntry entry = outcome instanceof Outcome.Posted posted ? posted.entry() : null;
    return entryEvent(
        readable.sourceEventId(),
        SourceType.valueOf(message.sourceType().name()),
        message.paymentId(),
        entry,
        message.meta().occurredAt(),
        at,
        message.meta().traceId(),
        message.meta().spanId());
  }

  private OutboxMessage entryEvent(
      UUID sourceId,
      SourceType sourceType,
      String paymentId,
      BookedEntry entry,
      Instant occurredAt,
      Instant at,
      String traceId,
      String spanId) {
    UUID eventId = derivedId("entry-event/" + sourceId);
    LedgerEntryEvent event =
        LedgerEntryEvent.newBuilder()
            .setEnvelope(envelope(eventId, sourceId.toString(), occurredAt, at, traceId))
            .setSourceEventId(sourceId.toString())
            .setSourceType(sourceType)
            .setPaymentId(paymentId)
            .setOutcome(entry == null ? EntryOutcome.NO_FINANCIAL_EFFECT : EntryOutcome.POSTED)
            .setEntry(entry == null ? null : journalEntry(entry))
            .build();
    // Entries of no payment (an operator's settlement) are keyed by their entry id.
    String key =
        paymentId != null && !paymentId.isEmpty()
            ? paymentId
            : entry != null ? entry.id().toString() : sourceId.toString();
    return message(eventId, topics.entries(), key, event, traceId, spanId);
  }

  @Override
  public List<OutboxMessage> composeOperatorEntry(
      BookedEntry entry, String traceId, String spanId) {
    List<OutboxMessage> messages = new ArrayList<>();
    messages.add(
        entryEvent(
            entry.sourceEventId(),
            SourceType.valueOf(entry.sourceType().name()),
            paymentId(entry),
            entry,
            entry.bookedAt(),
            entry.bookedAt(),
            traceId,
            spanId));
    messages.addAll(cashflow(entry, entry.sourceEventId(), entry.bookedAt(), traceId, spanId));
    return messages;
  }

  @Override
  public OutboxMessage composeSeal(SignedSeal signed) {
    DaySeal seal = signed.seal();
    String date = seal.businessDate().toString();
    // One seal per date: its event id is derived from the date, so a close finished twice (after
    // a crash) cannot publish two different events for it.
    UUID eventId =
        UUID.nameUUIDFromBytes(
            ("paystream-ledger/seal/" + date).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    List<com.paystream.schemas.ledger.ChainHead> chains = new ArrayList<>();
    for (com.paystream.ledger.sealing.ChainHead head : seal.chains()) {
      chains.add(
          com.paystream.schemas.ledger.ChainHead.newBuilder()
              .setChainId(head.chainId())
              .setLastSequence(head.lastSequence())
              .setHeadHash(java.nio.ByteBuffer.wrap(head.headHash()))
              .build());
    }
    LedgerSeal value =
        LedgerSeal.newBuilder()
            .setEnvelope(envelope(eventId, date, signed.sealedAt(), signed.sealedAt(), ""))
            .setBusinessDate(seal.businessDate())
            .setSealVersion(seal.version())
            .setSealHash(java.nio.ByteBuffer.wrap(seal.hash()))
            .setSignature(java.nio.ByteBuffer.wrap(signed.signature()))
            .setKeyId(signed.keyId())
            .setChains(chains)
            .build();
    return message(eventId, topics.seals(), date, value, "");
  }

  /** The audit record on audit.events.v1, keyed by its target; its event id is its audit id. */
  @Override
  public OutboxMessage compose(AuditRecord record) {
    AuditEvent event =
        AuditEvent.newBuilder()
            .setAuditId(record.auditId())
            .setService(record.service())
            .setOccurredAt(record.occurredAt())
            .setActor(record.actor())
            .setRole(record.role())
            .setCredential(record.credential())
            .setAction(record.action())
            .setTarget(record.target())
            .setOutcome(com.paystream.schemas.audit.AuditOutcome.valueOf(record.outcome().name()))
            .setReason(record.reason())
            .setRequestId(record.requestId())
            .setTraceId(record.traceId())
            .build();
    String key = record.target().isEmpty() ? record.auditId().toString() : record.target();
    return message(record.auditId(), topics.audit(), key, event, record.traceId());
  }

  private static JournalEntry journalEntry(BookedEntry entry) {
    List<Posting> postings = new ArrayList<>(entry.postings().size());
    for (BookedPosting posting : entry.postings()) {
      postings.add(
          Posting.newBuilder()
              .setAccountId(posting.accountId().toString())
              .setAccountCode(posting.account().code())
              .setSide(Side.valueOf(posting.side().name()))
              .setAmountMinor(posting.amountMinor())
              .setCurrency(posting.currencyCode())
              .setBalanceAfterMinor(posting.balanceAfterMinor())
              .build());
    }
    UUID reverses = entry.draft().reversesEntryId();
    return JournalEntry.newBuilder()
        .setEntryId(entry.id())
        .setEntryType(EntryType.valueOf(entry.type().name()))
        .setEffectiveDate(entry.effectiveDate())
        .setBookedAt(entry.bookedAt())
        .setDescription(entry.draft().description())
        .setReversesEntryId(reverses == null ? null : reverses.toString())
        .setPostings(postings)
        .build();
  }

  private List<OutboxMessage> cashflow(InboundRecord.Readable readable, BookedEntry entry) {
    MessageMeta meta = readable.message().meta();
    return cashflow(
        entry, readable.sourceEventId(), meta.occurredAt(), meta.traceId(), meta.spanId());
  }

  private List<OutboxMessage> cashflow(
      BookedEntry entry, UUID sourceId, Instant occurredAt, String traceId, String spanId) {
    List<OutboxMessage> lines = new ArrayList<>(entry.postings().size());
    for (BookedPosting posting : entry.postings()) {
      UUID eventId = derivedId("cashflow/" + entry.id() + "/" + posting.lineNo());
      CashflowLine line =
          CashflowLine.newBuilder()
              .setEnvelope(
                  envelope(eventId, sourceId.toString(), occurredAt, entry.bookedAt(), traceId))
              .setAccountId(posting.accountId().toString())
              .setAccountCode(posting.account().code())
              .setAccountType(AccountType.valueOf(posting.account().type().name()))
              .setSequence(posting.accountSequence())
              .setEntryId(entry.id().toString())
              .setEntryType(EntryType.valueOf(entry.type().name()))
              .setPaymentId(paymentId(entry))
              .setSide(Side.valueOf(posting.side().name()))
              .setAmountMinor(posting.amountMinor())
              .setCurrency(posting.currencyCode())
              .setBalanceAfterMinor(posting.balanceAfterMinor())
              .setEffectiveDate(entry.effectiveDate())
              .setBookedAt(entry.bookedAt())
              .build();
      lines.add(
          message(
              eventId, topics.cashflow(), posting.accountId().toString(), line, traceId, spanId));
    }
    return lines;
  }

  private OutboxMessage deadLetter(InboundRecord record, Refusal refusal, Instant at) {
    UUID sourceId = record.sourceEventId();
    UUID eventId = derivedId("dead-letter/" + sourceId);
    String messageId = null;
    String paymentId;
    MessageMeta meta;
    if (record instanceof InboundRecord.Readable readable) {
      messageId = sourceId.toString();
      paymentId = readable.message().paymentId();
      meta = readable.message().meta();
    } else {
      InboundRecord.Unreadable unreadable = (InboundRecord.Unreadable) record;
      messageId = unreadable.messageId() == null ? null : unreadable.messageId().toString();
      paymentId = unreadable.paymentId();
      meta = new MessageMeta(at, unreadable.traceId(), unreadable.spanId());
    }
    DeadLetter letter =
        DeadLetter.newBuilder()
            .setEnvelope(
                envelope(
                    eventId,
                    messageId != null ? messageId : record.source().toString(),
                    meta.occurredAt(),
                    at,
                    meta.traceId()))
            .setSourceTopic(record.source().topic())
            .setSourcePartition(record.source().partition())
            .setSourceOffset(record.source().offset())
            .setMessageId(messageId)
            .setPaymentId(paymentId)
            .setFailedBy(FAILED_BY)
            .setReasonCode(refusal.code())
            .setReason(refusal.reason())
            .setRetryable(refusal.retryable())
            .setOriginalKey(bytes(record.source().key()))
            .setOriginalValue(bytes(record.source().value()))
            .build();
    String key =
        paymentId != null && !paymentId.isEmpty()
            ? paymentId
            : record.source().key() != null ? record.source().keyText() : sourceId.toString();
    return message(eventId, topics.deadLetters(), key, letter, meta.traceId(), meta.spanId());
  }

  private static Envelope envelope(
      UUID eventId, String causationId, Instant occurredAt, Instant recordedAt, String traceId) {
    return Envelope.newBuilder()
        .setEventId(eventId)
        .setCausationId(causationId)
        .setOccurredAt(occurredAt)
        .setRecordedAt(recordedAt)
        .setTraceId(traceId)
        .build();
  }

  private OutboxMessage message(
      UUID eventId, String topic, String key, SpecificRecord value, String traceId) {
    return message(eventId, topic, key, value, traceId, "");
  }

  private OutboxMessage message(
      UUID eventId, String topic, String key, SpecificRecord value, String traceId, String spanId) {
    return new OutboxMessage(
        eventId, topic, key, serializer.serialize(topic, value), traceId, spanId);
  }

  private static ByteBuffer bytes(byte[] raw) {
    return raw == null ? null : ByteBuffer.wrap(raw);
  }

  /** The entry's payment id as the Avro string carries it; null for an entry of no payment. */
  private static String paymentId(BookedEntry entry) {
    PaymentId paymentId = entry.draft().paymentId();
    return paymentId == null ? null : paymentId.value();
  }

  static UUID derivedId(String name) {
    return UUID.nameUUIDFromBytes(("paystream-ledger/" + name).getBytes(StandardCharsets.UTF_8));
  }
}
