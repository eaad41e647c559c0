package com.paystream.recon.matching.streams;

import com.paystream.recon.matching.ReconEvent;
import com.paystream.schemas.common.Envelope;
import com.paystream.schemas.recon.BreakState;
import com.paystream.schemas.recon.ReconOutcome;
import com.paystream.schemas.recon.ReconResult;
import java.time.Instant;
import java.util.UUID;

/** A matcher result as the {@code recon.results.v1} contract. */
public final class ReconResults {

  private ReconResults() {}

  public static ReconResult toAvro(ReconEvent event, Instant at) {
    return ReconResult.newBuilder()
        .setEnvelope(
            Envelope.newBuilder()
                .setEventId(UUID.fromString(event.eventId()))
                .setCausationId(event.causationId() == null ? "" : event.causationId())
                .setOccurredAt(at)
                .setRecordedAt(at)
                .setTraceId(event.traceId() == null ? "" : event.traceId())
                .build())
        .setBreakId(event.breakId())
        .setPaymentReference(event.reference())
        .setOutcome(ReconOutcome.valueOf(event.outcome().name()))
        .setState(BreakState.valueOf(event.state().name()))
        .setResolution(event.resolution())
        .setBusinessDate(event.businessDate())
        .setCurrency(event.currency())
        .setStatementAmountMinor(event.leg().statementMinor())
        .setInternalAmountMinor(event.leg().internalMinor())
        .setStatementLineId(event.statementLineId())
        .setEntryId(event.entryId())
        .setProvider(event.provider())
        .setCallbackId(event.callbackId())
        .setStatementId(event.statementId())
        .setStatementReference(event.statementReference())
        .setPayoutReference(event.payoutReference())
        .build();
  }
}
