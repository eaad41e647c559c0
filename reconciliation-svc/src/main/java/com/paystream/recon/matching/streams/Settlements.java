package com.paystream.recon.matching.streams;

import com.paystream.recon.matching.SettlementOrder;
import com.paystream.schemas.common.Envelope;
import com.paystream.schemas.recon.Settlement;
import com.paystream.schemas.recon.SettlementKind;
import java.time.Instant;
import java.util.UUID;

/** A settlement the payout matcher found, as the {@code recon.settlements.v1} contract. */
public final class Settlements {

  private Settlements() {}

  public static Settlement toAvro(SettlementOrder order, Instant at) {
    return Settlement.newBuilder()
        .setEnvelope(
            Envelope.newBuilder()
                .setEventId(UUID.fromString(order.eventId()))
                .setCausationId(order.causationId())
                .setOccurredAt(at)
                .setRecordedAt(at)
                .setTraceId(order.traceId())
                .build())
        .setSettlementId(order.settlementId())
        .setKind(SettlementKind.valueOf(order.kind().name()))
        .setProvider(order.provider())
        .setCurrency(order.currency())
        .setBusinessDate(order.businessDate())
        .setValueDate(order.valueDate())
        .setBankAmountMinor(order.bankAmountMinor())
        .setPaymentsMinor(order.paymentsMinor())
        .setRefundsMinor(order.refundsMinor())
        .setFeesMinor(order.feesMinor())
        .setChargebacksMinor(order.chargebacksMinor())
        .setToleratedMinor(order.toleratedMinor())
        .setUnexplainedMinor(order.unexplainedMinor())
        .setLineCount(order.lineCount())
        .setStatementId(order.statementId())
        .setStatementLineId(order.statementLineId())
        .setBreakId(order.breakId())
        .build();
  }
}
