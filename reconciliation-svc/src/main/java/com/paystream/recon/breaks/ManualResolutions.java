package com.paystream.recon.breaks;

import com.paystream.platform.audit.AuditOutcome;
import com.paystream.recon.approvals.ApprovalView;
import com.paystream.recon.approvals.Approvals;
import com.paystream.recon.audit.AuditTrail;
import com.paystream.recon.breaks.persistence.ResolutionAudit;
import com.paystream.recon.instances.Whereabouts;
import com.paystream.recon.matching.ReconEvent;
import com.paystream.recon.matching.Resolutions;
import com.paystream.recon.matching.streams.ReconResults;
import com.paystream.recon.outbox.Outbox;
import com.paystream.schemas.common.Envelope;
import com.paystream.schemas.recon.BreakState;
import com.paystream.schemas.recon.ReconResult;
import com.paystream.schemas.serde.AvroSerializer;
import com.paystream.schemas.topics.Topic;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An operator closes an open break with a reason. When the policy asks for four eyes ({@code
 * break.resolve}, by the break's amount at stake) the request waits for a second operator and
 * nothing else changes; once approved (or when no second operator is needed) the resolution is
 * written with its command in the outbox and its audit record in one database transaction; the
 * topology then applies it and publishes the RESOLVED result ({@code MANUAL: <reason> (requested by
 * A, approved by B)}). If the break closes by itself in between (a late arrival), the command finds
 * nothing open and changes nothing; the rows still say what the operators decided, and the results
 * topic says what happened.
 */
public final class ManualResolutions {

  /** The action four eyes knows manual resolutions by. */
  public static final String ACTION = "break.resolve";

  private static final Logger log = LoggerFactory.getLogger(ManualResolutions.class);

  /** What became of a request. */
  public sealed interface Result {
    record Accepted(UUID resolutionId, String breakId) implements Result {}

    record AwaitingApproval(ApprovalView approval) implements Result {}

    record NotOpen(String breakId) implements Result {}

    record AlreadyResolved(String breakId) implements Result {}
  }

  private final OpenBreaks openBreaks;
  private final ResolutionAudit resolutions;
  private final Outbox outbox;
  private final Topic<ReconResult> commands;
  private final AvroSerializer<ReconResult> serializer;
  private final TransactionTemplate transactions;
  private final Approvals approvals;
  private final AuditTrail audit;
  private final Clock clock;

  public ManualResolutions(
      OpenBreaks openBreaks,
      ResolutionAudit resolutions,
      Outbox outbox,
      Topic<ReconResult> commands,
      AvroSerializer<ReconResult> serializer,
      TransactionTemplate transactions,
      Approvals approvals,
      AuditTrail audit,
      Clock clock) {
    this.openBreaks = openBreaks;
    this.resolutions = resolutions;
    this.outbox = outbox;
    this.commands = commands;
    this.serializer = serializer;
    this.transactions = transactions;
    this.approvals = approvals;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Where break {@code breakId} is held: only the instance whose stores hold its legs resolves it
   * (it reads the legs it resolves and the amount the four-eyes rule is applied to).
   */
  public Whereabouts whereabouts(String breakId) {
    return new Whereabouts(() -> !openBreaks.legsOf(breakId).isEmpty(), "/v1/breaks/" + breakId);
  }

  /**
   * An operator asks to resolve a break: resolved now, or a request for a second operator. A break
   * resolved manually before is {@link Result.AlreadyResolved} whether or not its RESOLVED result
   * has reached the stores yet, so the answer does not depend on how far the stream got.
   */
  public Result request(String breakId, String reason, String requestedBy) {
    if (resolutions.resolved(breakId)) {
      return new Result.AlreadyResolved(breakId);
    }
    List<ReconEvent> legs = openBreaks.legsOf(breakId);
    if (legs.isEmpty()) {
      return new Result.NotOpen(breakId);
    }
    // The amount at stake: the largest leg's (a break across currencies has one leg each).
    ReconEvent largest =
        legs.stream().max(Comparator.comparingLong(l -> l.leg().atRisk().minor())).orElseThrow();
    long atStakeMinor = largest.leg().atRisk().minor();
    if (!approvals.needsSecondOperator(ACTION, atStakeMinor)) {
      return resolve(legs, reason, requestedBy, null, null);
    }
    ApprovalView approval =
        approvals.request(
            ACTION,
            breakId,
            "{\"breakId\":" + json(breakId) + ",\"reason\":" + json(reason.strip()) + "}",
            atStakeMinor,
            largest.currency(),
            reason.strip(),
            requestedBy);
    log.info("Resolution of break {} by {} awaits approval {}", breakId, requestedBy, approval);
    return new Result.AwaitingApproval(approval);
  }

  /**
   * Carries out an approved resolution (in the approval's transaction).
   *
   * @return Accepted, NotOpen (the break closed meanwhile) or AlreadyResolved
   */
  public Result approved(
      String breakId, String reason, String requestedBy, String approvedBy, UUID approvalId) {
    List<ReconEvent> legs = openBreaks.legsOf(breakId);
    if (legs.isEmpty()) {
      return new Result.NotOpen(breakId);
    }
    return resolve(legs, reason, requestedBy, approvedBy, approvalId);
  }

  private Result resolve(
      List<ReconEvent> legs, String reason, String resolvedBy, String approvedBy, UUID approvalId) {
    ReconEvent leg = legs.get(0);
    String breakId = leg.breakId();
    UUID resolutionId = UUID.randomUUID();
    ResolutionAudit.Entry entry =
        new ResolutionAudit.Entry(
            resolutionId,
            breakId,
            leg.reference(),
            leg.outcome().name(),
            leg.businessDate(),
            resolvedBy,
            reason.strip(),
            approvedBy,
            approvalId);
    byte[] command = serializer.serialize(commands.name(), command(leg, entry));
    Result result =
        transactions.execute(
            tx -> {
              if (!resolutions.record(entry)) {
                return new Result.AlreadyResolved(breakId);
              }
              outbox.add(
                  List.of(
                      new Outbox.Message(
                          resolutionId, commands.name(), leg.reference(), command, "")));
              if (approvedBy == null) {
                audit.record(AuditOutcome.ACCEPTED, ACTION, breakId, entry.reason());
              }
              return new Result.Accepted(resolutionId, breakId);
            });
    log.info(
        "Manual resolution of break {} by {} (approved by {}): {}",
        breakId,
        resolvedBy,
        approvedBy,
        result);
    return result;
  }

  /** The command: the break as the operators want it to read, resolved with the reason. */
  private ReconResult command(ReconEvent leg, ResolutionAudit.Entry entry) {
    ReconResult current = ReconResults.toAvro(leg, clock.instant());
    return ReconResult.newBuilder(current)
        .setEnvelope(
            Envelope.newBuilder(current.getEnvelope())
                .setEventId(entry.resolutionId())
                .setCausationId(entry.resolvedBy())
                .setTraceId("")
                .build())
        .setState(BreakState.RESOLVED)
        .setResolution(
            entry.approvedBy() == null
                ? Resolutions.manual(entry.reason())
                : Resolutions.manual(entry.reason(), entry.resolvedBy(), entry.approvedBy()))
        .build();
  }

  private static String json(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
