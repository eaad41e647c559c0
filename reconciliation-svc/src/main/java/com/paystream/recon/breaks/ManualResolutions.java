package com.paystream.recon.breaks;

import com.paystream.recon.breaks.persistence.ResolutionAudit;
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
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An operator closes an open break with a reason. The decision is audited and its command put in
 * the outbox in one database transaction; the topology then applies it and publishes the RESOLVED
 * result ({@code MANUAL: <reason>}). If the break closes by itself in between (a late arrival), the
 * command finds nothing open and changes nothing; the audit row still says what the operator
 * decided, and the results topic says what happened.
 */
public final class ManualResolutions {

  private static final Logger log = LoggerFactory.getLogger(ManualResolutions.class);

  /** What became of a request. */
  public sealed interface Result {
    record Accepted(UUID resolutionId, String breakId) implements Result {}

    record NotOpen(String breakId) implements Result {}

    record AlreadyResolved(String breakId) implements Result {}
  }

  private final OpenBreaks openBreaks;
  private final ResolutionAudit audit;
  private final Outbox outbox;
  private final Topic<ReconResult> commands;
  private final AvroSerializer<ReconResult> serializer;
  private final TransactionTemplate transactions;
  private final Clock clock;

  public ManualResolutions(
      OpenBreaks openBreaks,
      ResolutionAudit audit,
      Outbox outbox,
      Topic<ReconResult> commands,
      AvroSerializer<ReconResult> serializer,
      TransactionTemplate transactions,
      Clock clock) {
    this.openBreaks = openBreaks;
    this.audit = audit;
    this.outbox = outbox;
    this.commands = commands;
    this.serializer = serializer;
    this.transactions = transactions;
    this.clock = clock;
  }

  public Result resolve(String breakId, String reason, String resolvedBy) {
    List<ReconEvent> legs = openBreaks.legsOf(breakId);
    if (legs.isEmpty()) {
      return new Result.NotOpen(breakId);
    }
    ReconEvent leg = legs.get(0);
    UUID resolutionId = UUID.randomUUID();
    ResolutionAudit.Entry entry =
        new ResolutionAudit.Entry(
            resolutionId,
            breakId,
            leg.reference(),
            leg.outcome().name(),
            leg.businessDate(),
            resolvedBy,
            reason.strip());
    byte[] command = serializer.serialize(commands.name(), command(leg, entry));
    Result result =
        transactions.execute(
            tx -> {
              if (!audit.record(entry)) {
                return new Result.AlreadyResolved(breakId);
              }
              outbox.add(
                  List.of(
                      new Outbox.Message(
                          resolutionId, commands.name(), leg.reference(), command, "")));
              return new Result.Accepted(resolutionId, breakId);
            });
    log.info("Manual resolution of break {} by {}: {}", breakId, resolvedBy, result);
    return result;
  }

  /** The command: the break as the operator wants it to read, resolved with the reason. */
  private ReconResult command(ReconEvent leg, ResolutionAudit.Entry entry) {
    ReconResult current = ReconResults.toAvro(leg, clock.instant());
    return ReconResult.newBuilder(current)
        .setEnvelope(
            Envelope.newBuilder(current.getEnvelope())
                .setEventId(entry.resolutionId())
                .setCausationId("operator:" + entry.resolvedBy())
                .setTraceId("")
                .build())
        .setState(BreakState.RESOLVED)
        .setResolution(Resolutions.manual(entry.reason()))
        .build();
  }
}
