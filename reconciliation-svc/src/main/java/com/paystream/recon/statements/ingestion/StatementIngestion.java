package com.paystream.recon.statements.ingestion;

import com.paystream.platform.audit.AuditOutcome;
import com.paystream.recon.audit.AuditTrail;
import com.paystream.recon.outbox.Outbox;
import com.paystream.recon.statements.MalformedStatementException;
import com.paystream.recon.statements.ParsedStatementFile;
import com.paystream.recon.statements.StatementFormat;
import com.paystream.recon.statements.kafka.StatementLineRecords;
import com.paystream.recon.statements.persistence.StatementRegistry;
import com.paystream.recon.statements.persistence.StatementRegistry.NewLine;
import com.paystream.recon.statements.persistence.StatementRegistry.ReceivedFile;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ingests one statement file: parse it whole (refusing it whole on the first problem), then, in one
 * database transaction, register its lines, learn which are new, and put those in the outbox for
 * {@code bank.statements.v1}, with the file's record. Uploading the same file twice ingests nothing
 * new; a crash before the commit leaves nothing behind, after it the outbox publishes.
 */
public final class StatementIngestion {

  private static final Logger log = LoggerFactory.getLogger(StatementIngestion.class);

  private final StatementParsers parsers;
  private final StatementRegistry registry;
  private final Outbox outbox;
  private final StatementLineRecords records;
  private final TransactionTemplate transactions;
  private final MeterRegistry meters;
  private final AuditTrail audit;

  public StatementIngestion(
      StatementParsers parsers,
      StatementRegistry registry,
      Outbox outbox,
      StatementLineRecords records,
      TransactionTemplate transactions,
      MeterRegistry meters,
      AuditTrail audit) {
    this.parsers = parsers;
    this.registry = registry;
    this.outbox = outbox;
    this.records = records;
    this.transactions = transactions;
    this.meters = meters;
    this.audit = audit;
  }

  /**
   * @throws MalformedStatementException when the file is refused (recorded with the reason)
   * @throws UnrecognisedFormatException when the format was not named and cannot be recognised
   */
  public IngestionReceipt ingest(IncomingStatement incoming) {
    StatementFormat format = parsers.formatOf(incoming);
    ReceivedFile file =
        new ReceivedFile(
            UUID.randomUUID(),
            incoming.channel().name(),
            incoming.fileName(),
            sha256(incoming.content()),
            incoming.content().length);
    ParsedStatementFile parsed;
    try {
      if (incoming.content().length == 0) {
        throw new MalformedStatementException(
            format, MalformedStatementException.Reason.EMPTY_STATEMENT, "the file", "is empty");
      }
      parsed = parsers.parserFor(format).parse(incoming.content());
    } catch (MalformedStatementException e) {
      transactions.executeWithoutResult(tx -> registry.recordRefused(file, format, e.getMessage()));
      meters
          .counter("recon_statement_files_total", "format", format.name(), "result", "refused")
          .increment();
      // Not a dead letter (nothing reaches a topic: the sender is told, the inbox moves the file
      // to rejected/), but counted by the same kind of stable reason.
      meters
          .counter("recon.statement.refusals", "format", format.name(), "reason", e.reason().code())
          .increment();
      log.warn(
          "Statement file {} ({}) refused: {}", file.fileId(), incoming.fileName(), e.getMessage());
      throw e;
    }
    IngestionReceipt receipt = transactions.execute(tx -> register(incoming, file, parsed));
    meters
        .counter("recon_statement_files_total", "format", format.name(), "result", "accepted")
        .increment();
    meters
        .counter("recon_statement_lines_ingested_total", "format", format.name())
        .increment(receipt.newLines());
    log.info(
        "Statement file {} ({}, {}) ingested: {} lines, {} new, {} seen before",
        file.fileId(),
        incoming.fileName(),
        format,
        receipt.totalLines(),
        receipt.newLines(),
        receipt.duplicateLines());
    return receipt;
  }

  private IngestionReceipt register(
      IncomingStatement incoming, ReceivedFile file, ParsedStatementFile parsed) {
    List<NewLine> fresh = registry.registerNew(file, parsed);
    List<Outbox.Message> messages = new ArrayList<>(fresh.size());
    for (NewLine line : fresh) {
      messages.add(
          new Outbox.Message(
              line.eventId(),
              records.topicName(),
              StatementLineRecords.key(line.line()),
              records.value(line.line(), line.eventId(), file.fileId()),
              ""));
    }
    outbox.add(messages);
    registry.recordAccepted(file, parsed, fresh.size());
    int total = parsed.lines().size();
    if (incoming.channel() == Channel.HTTP) {
      // An upload is an operator's act; files from the watched inbox are not HTTP calls.
      audit.record(
          AuditOutcome.ACCEPTED,
          "statement.upload",
          file.fileId().toString(),
          "%s %s: %d lines, %d new"
              .formatted(parsed.format(), incoming.fileName(), total, fresh.size()));
    }
    return new IngestionReceipt(
        file.fileId(),
        parsed.format(),
        parsed.statementIds(),
        total,
        fresh.size(),
        total - fresh.size());
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
