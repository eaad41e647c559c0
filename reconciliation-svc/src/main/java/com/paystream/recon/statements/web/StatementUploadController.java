package com.paystream.recon.statements.web;

import com.paystream.platform.input.InputPolicy;
import com.paystream.platform.input.InputReason;
import com.paystream.platform.input.InputRefusedException;
import com.paystream.recon.statements.StatementFormat;
import com.paystream.recon.statements.ingestion.Channel;
import com.paystream.recon.statements.ingestion.IncomingStatement;
import com.paystream.recon.statements.ingestion.IngestionReceipt;
import com.paystream.recon.statements.ingestion.StatementIngestion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /v1/statements}: a statement file as a multipart part {@code file}, or as the raw
 * request body. {@code format} ({@code camt053}, {@code mt940}, {@code csv}) may be left out when
 * the file name or content says it. Answers 201 when new lines were ingested, 200 when every line
 * had been ingested before, 422 naming the line or element when the file is refused.
 */
@RestController
public class StatementUploadController {

  /** File names are kept in {@code statement_file}; longer ones are refused, not cut. */
  static final int MAX_FILE_NAME = 255;

  private final StatementIngestion ingestion;
  private final InputPolicy policy;

  public StatementUploadController(StatementIngestion ingestion, InputPolicy policy) {
    this.ingestion = ingestion;
    this.policy = policy;
  }

  @PostMapping(path = "/v1/statements", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<IngestionReceipt> upload(
      @RequestPart("file") MultipartFile file,
      @RequestParam(name = "format", required = false) String format) {
    return ingest(file.getOriginalFilename(), format, bytes(file));
  }

  @PostMapping(path = "/v1/statements")
  public ResponseEntity<IngestionReceipt> uploadBody(
      @RequestBody(required = false) byte[] body,
      @RequestParam(name = "format", required = false) String format,
      @RequestParam(name = "filename", required = false) String filename) {
    return ingest(filename, format, body == null ? new byte[0] : body);
  }

  private ResponseEntity<IngestionReceipt> ingest(String fileName, String format, byte[] content) {
    policy.text("filename", fileName, MAX_FILE_NAME);
    IngestionReceipt receipt =
        ingestion.ingest(new IncomingStatement(Channel.HTTP, fileName, format(format), content));
    HttpStatus status = receipt.newLines() > 0 ? HttpStatus.CREATED : HttpStatus.OK;
    return ResponseEntity.status(status).body(receipt);
  }

  private static Optional<StatementFormat> format(String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        StatementFormat.fromName(name)
            .orElseThrow(
                () ->
                    new InputRefusedException(
                        InputReason.MALFORMED,
                        "format",
                        "unknown format "
                            + InputPolicy.echo(name)
                            + "; use camt053, camt052, mt940, bai2 or csv")));
  }

  private static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the uploaded part", e);
    }
  }
}
