package com.paystream.recon.statements.ingestion;

import com.paystream.recon.statements.StatementFormat;
import java.util.List;
import java.util.UUID;

/**
 * What ingesting a file did.
 *
 * @param newLines lines seen for the first time, now published
 * @param duplicateLines lines ingested before (same statement id and line id), skipped
 */
public record IngestionReceipt(
    UUID fileId,
    StatementFormat format,
    List<String> statementIds,
    int totalLines,
    int newLines,
    int duplicateLines) {

  public IngestionReceipt {
    statementIds = List.copyOf(statementIds);
  }
}
