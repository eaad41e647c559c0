package com.paystream.recon.statements.ingestion;

import com.paystream.recon.statements.StatementFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A statement file as received.
 *
 * @param format the format the sender named; empty to recognise it from the name or content
 */
public record IncomingStatement(
    Channel channel, String fileName, Optional<StatementFormat> format, byte[] content) {

  public IncomingStatement {
    Objects.requireNonNull(channel, "channel");
    fileName = fileName == null ? "" : fileName;
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(content, "content");
  }
}
