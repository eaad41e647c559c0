package com.paystream.relay.operator;

import com.paystream.platform.audit.AuditOutcome;
import com.paystream.relay.approvals.ApprovalView;
import com.paystream.relay.approvals.Approvals;
import com.paystream.relay.audit.AuditTrail;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operator API's use cases. The provider lives inside the recorded payload, so that filter is
 * applied after decoding; a page therefore looks at no more than {@link #MAX_SCAN_PER_PAGE} rows
 * and may come back short with a cursor to continue from.
 */
public class OperatorService {

  public static final int MAX_PAGE_SIZE = 500;
  static final int MAX_SCAN_PER_PAGE = 5_000;
  private static final int CHUNK = 500;
  private static final String REDRIVE = "REDRIVE";
  private static final Logger log = LoggerFactory.getLogger(OperatorService.class);

  /** The action four eyes knows bulk redrives by. */
  public static final String BULK = "redrive.bulk";

  private final MessageStore store;
  private final PayloadSummary.Reader payloads;
  private final Approvals approvals;
  private final AuditTrail audit;
  private final Counter redriven;

  public OperatorService(
      MessageStore store,
      PayloadSummary.Reader payloads,
      Approvals approvals,
      AuditTrail audit,
      MeterRegistry meters) {
    this.store = store;
    this.payloads = payloads;
    this.approvals = approvals;
    this.audit = audit;
    this.redriven =
        Counter.builder("relay.redriven")
            .description("Messages an operator made due again")
            .register(meters);
  }

  @Transactional(readOnly = true)
  public MessagePage list(MessageFilter filter, String cursor, int limit) {
    if (limit < 1 || limit > MAX_PAGE_SIZE) {
      throw new InvalidRequestException("limit", "must be between 1 and " + MAX_PAGE_SIZE);
    }
    long after = Cursor.decode(cursor);
    List<RelayedMessage> items = new ArrayList<>();
    int scanned = 0;
    boolean end = false;
    while (items.size() < limit && scanned < MAX_SCAN_PER_PAGE) {
      int want = filter.provider() == null ? limit - items.size() : CHUNK;
      List<StoredMessage> chunk = store.scan(filter, after, want);
      for (StoredMessage row : chunk) {
        after = row.seq();
        scanned++;
        RelayedMessage message = summarize(row);
        if (filter.matchesProvider(message.provider())) {
          items.add(message);
          if (items.size() == limit) {
            break;
          }
        }
      }
      if (chunk.size() < want) {
        end = chunk.isEmpty() || after == chunk.get(chunk.size() - 1).seq();
        break;
      }
    }
    return new MessagePage(withHistory(items), end ? null : Cursor.encode(after));
  }

  @Transactional(readOnly = true)
  public RelayedMessage find(UUID messageId) {
    RelayedMessage message =
        store.find(messageId).map(this::summarize).orElseThrow(() -> notFound(messageId));
    return withHistory(List.of(message)).get(0);
  }

  /** Makes one message due now with a fresh schedule; refused for a confirmed one. */
  @Transactional
  public RedriveResult redriveOne(UUID messageId, String operator, String reason) {
    String status = store.status(messageId).orElseThrow(() -> notFound(messageId));
    if ("CONFIRMED".equals(status)) {
      throw new NotRedrivableException(messageId, status);
    }
    RedriveResult result = redrive(List.of(messageId), null, operator, null, reason);
    audit.record(AuditOutcome.ACCEPTED, "redrive.one", messageId.toString(), reason);
    return result;
  }

  /** A bulk redrive asked for: carried out now, or a request for a second operator. */
  public sealed interface BulkOutcome {
    record Done(RedriveResult result) implements BulkOutcome {}

    record AwaitingApproval(ApprovalView approval) implements BulkOutcome {}
  }

  /**
   * Asks for a redrive of every message matching the filter: when four eyes apply ({@code
   * redrive.bulk}) a request waits for a second operator and nothing else changes.
   */
  @Transactional
  public BulkOutcome requestBulk(MessageFilter filter, String operator, String reason) {
    if (!approvals.needsSecondOperator(BULK, 0)) {
      RedriveResult result = redriveMatching(filter, operator, null, reason);
      audit.record(AuditOutcome.ACCEPTED, BULK, target(filter), reason);
      return new BulkOutcome.Done(result);
    }
    return new BulkOutcome.AwaitingApproval(
        approvals.request(
            BULK, target(filter), FilterPayload.encode(filter), 0, "", reason, operator));
  }

  /** What a bulk redrive is recorded against: the filter, in words. */
  static String target(MessageFilter filter) {
    return "callbacks?" + FilterPayload.describe(filter);
  }

  /**
   * Makes every message matching the filter due now; one operator_audit row names them all, the
   * requester and (after four eyes) the approver.
   */
  @Transactional
  public RedriveResult redriveMatching(
      MessageFilter filter, String operator, String approvedBy, String reason) {
    List<UUID> matching = new ArrayList<>();
    long after = 0;
    List<StoredMessage> chunk;
    do {
      chunk = store.scan(filter, after, CHUNK);
      for (StoredMessage row : chunk) {
        after = row.seq();
        if (filter.matchesProvider(summarize(row).provider())) {
          matching.add(row.messageId());
        }
      }
    } while (chunk.size() == CHUNK);
    return redrive(matching, filter, operator, approvedBy, reason);
  }

  private RedriveResult redrive(
      List<UUID> candidates,
      MessageFilter filter,
      String operator,
      String approvedBy,
      String reason) {
    List<UUID> done = candidates.isEmpty() ? List.of() : store.redrive(candidates);
    long auditId = store.audit(operator, approvedBy, REDRIVE, reason, filter, done);
    if (!done.isEmpty()) {
      store.wakePublishersAtCommit();
    }
    redriven.increment(done.size());
    log.atInfo()
        .addKeyValue("operator", operator)
        .addKeyValue("auditId", auditId)
        .addKeyValue("redriven", done.size())
        .log("messages redriven");
    return new RedriveResult(auditId, operator, approvedBy, done.size(), done);
  }

  private RelayedMessage summarize(StoredMessage row) {
    PayloadSummary summary = payloads.read(row.topic(), row.payload());
    return new RelayedMessage(
        row.messageId(),
        summary.kind(),
        row.topic(),
        row.key(),
        summary.provider(),
        row.status(),
        row.attempts(),
        row.createdAt(),
        row.publishedAt(),
        row.nextAttemptAt(),
        row.lastError(),
        List.of());
  }

  private List<RelayedMessage> withHistory(List<RelayedMessage> messages) {
    if (messages.isEmpty()) {
      return messages;
    }
    Map<UUID, List<HistoryEvent>> history =
        store.history(messages.stream().map(RelayedMessage::messageId).toList());
    return messages.stream()
        .map(m -> m.withHistory(history.getOrDefault(m.messageId(), List.of())))
        .toList();
  }

  private static MessageNotFoundException notFound(UUID messageId) {
    return new MessageNotFoundException(messageId);
  }
}
