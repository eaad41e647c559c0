package com.paystream.ledger.booking.persistence;

import com.paystream.ledger.booking.AppliedRecord;
import com.paystream.ledger.booking.InboundRecord;
import com.paystream.ledger.booking.SourceRef;
import com.paystream.ledger.payments.CommandReceived;
import com.paystream.ledger.payments.MessageMeta;
import com.paystream.ledger.payments.ReportedStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Commands parked until their payment is booked ({@code parked_command}, V1_8_0). The decoded
 * command is stored, so that applying it later needs no schema registry, with the record's key and
 * value for a dead letter should the rules refuse it then.
 */
final class ParkedCommandRows {

  private static final String COLUMNS =
      "source_event_id, payment_id, merchant_id, provider, requested_by, approved_by, reason,"
          + " kind, amount_minor, currency, status, reference, occurred_at, trace_id,"
          + " source_topic, source_partition, source_offset, record_key, record_value";
  // Parking the same command again (a re-delivery, or a restored ledger reading it again) is a
  // no-op: the first delivery's position is the command's place in the order.
  private static final String INSERT_SQL =
      "insert into parked_command ("
          + COLUMNS
          + ", parked_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " on conflict (source_event_id) do nothing";
  // Those applied already have their dedupe record: only the others still wait.
  private static final String WAITING_SQL =
      "select "
          + COLUMNS
          + " from parked_command p where p.payment_id = any(?::text[])"
          + " and not exists (select 1 from processed_event e"
          + " where e.source_event_id = p.source_event_id)"
          + " order by p.source_topic, p.source_partition, p.source_offset";

  private ParkedCommandRows() {}

  static void insert(Connection connection, List<AppliedRecord> parked, Instant at)
      throws SQLException {
    if (parked.isEmpty()) {
      return;
    }
    try (PreparedStatement st = connection.prepareStatement(INSERT_SQL)) {
      for (AppliedRecord applied : parked) {
        bind(st, (InboundRecord.Readable) applied.record());
        st.setTimestamp(20, Timestamp.from(at));
        st.addBatch();
      }
      st.executeBatch();
    }
  }

  /** The commands still waiting for one of these payments, in the order they were consumed. */
  static List<InboundRecord.Readable> waiting(Connection connection, Collection<String> paymentIds)
      throws SQLException {
    if (paymentIds.isEmpty()) {
      return List.of();
    }
    try (PreparedStatement st = connection.prepareStatement(WAITING_SQL)) {
      st.setArray(1, connection.createArrayOf("text", paymentIds.toArray(String[]::new)));
      List<InboundRecord.Readable> commands = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          commands.add(command(rs));
        }
      }
      return commands;
    }
  }

  private static void bind(PreparedStatement st, InboundRecord.Readable record)
      throws SQLException {
    CommandReceived command = (CommandReceived) record.message();
    st.setObject(1, command.commandId());
    st.setString(2, command.paymentId());
    st.setString(3, command.merchantId());
    st.setString(4, command.provider());
    st.setString(5, command.requestedBy());
    st.setString(6, command.approvedBy());
    st.setString(7, command.reason());
    Body body = Body.of(command.body());
    st.setString(8, body.kind());
    if (body.amountMinor() == null) {
      st.setNull(9, Types.BIGINT);
    } else {
      st.setLong(9, body.amountMinor());
    }
    st.setString(10, body.currency());
    st.setString(11, body.status() == null ? null : body.status().name());
    st.setString(12, body.reference());
    st.setTimestamp(13, Timestamp.from(command.meta().occurredAt()));
    st.setString(14, command.meta().traceId());
    SourceRef source = record.source();
    st.setString(15, source.topic());
    st.setInt(16, source.partition());
    st.setLong(17, source.offset());
    st.setBytes(18, source.key());
    st.setBytes(19, source.value());
  }

  private static InboundRecord.Readable command(ResultSet rs) throws SQLException {
    long amount = rs.getLong("amount_minor");
    Long amountMinor = rs.wasNull() ? null : amount;
    String status = rs.getString("status");
    Body body =
        new Body(
            rs.getString("kind"),
            amountMinor,
            rs.getString("currency"),
            status == null ? null : ReportedStatus.valueOf(status),
            rs.getString("reference"));
    CommandReceived command =
        new CommandReceived(
            rs.getObject("source_event_id", UUID.class),
            rs.getString("payment_id"),
            rs.getString("merchant_id"),
            rs.getString("provider"),
            rs.getString("requested_by"),
            rs.getString("approved_by"),
            rs.getString("reason"),
            body.toCommandBody(),
            new MessageMeta(rs.getTimestamp("occurred_at").toInstant(), rs.getString("trace_id")));
    SourceRef source =
        new SourceRef(
            rs.getString("source_topic"),
            rs.getInt("source_partition"),
            rs.getLong("source_offset"),
            rs.getBytes("record_key"),
            rs.getBytes("record_value"));
    return new InboundRecord.Readable(source, command);
  }

  /** A command's body as the table's columns hold it. */
  record Body(
      String kind, Long amountMinor, String currency, ReportedStatus status, String reference) {

    static Body of(CommandReceived.Body body) {
      if (body instanceof CommandReceived.Refund refund) {
        return new Body(
            "REFUND", refund.amountMinor(), refund.currencyCode(), null, refund.refundId());
      }
      if (body instanceof CommandReceived.Cancellation cancellation) {
        return new Body("CANCELLATION", null, null, cancellation.cancelledStatus(), null);
      }
      if (body instanceof CommandReceived.Amendment amendment) {
        return new Body(
            "AMENDMENT",
            amendment.amountMinor(),
            amendment.currencyCode(),
            amendment.status(),
            null);
      }
      CommandReceived.Supplement supplement = (CommandReceived.Supplement) body;
      return new Body(
          "SUPPLEMENT",
          supplement.amountMinor(),
          supplement.currencyCode(),
          null,
          supplement.evidenceReference());
    }

    CommandReceived.Body toCommandBody() {
      return switch (kind) {
        case "REFUND" -> new CommandReceived.Refund(reference, amountMinor, currency);
        case "CANCELLATION" -> new CommandReceived.Cancellation(status);
        case "AMENDMENT" -> new CommandReceived.Amendment(amountMinor, currency, status);
        case "SUPPLEMENT" -> new CommandReceived.Supplement(amountMinor, currency, reference);
        default -> throw new IllegalStateException("unknown parked command kind " + kind);
      };
    }
  }
}
