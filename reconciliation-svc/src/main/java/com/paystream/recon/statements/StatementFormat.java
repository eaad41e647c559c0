package com.paystream.recon.statements;

import java.util.Locale;
import java.util.Optional;

/** The statement formats reconciliation reads. */
public enum StatementFormat {
  /** ISO 20022 bank-to-customer statement (end of day), camt.053. */
  CAMT053,
  /** SWIFT MT940 customer statement message. */
  MT940,
  /** The provider's CSV statement (format in the README). */
  PROVIDER_CSV,
  /** ISO 20022 bank-to-customer account report (intraday), camt.052. */
  CAMT052,
  /** BAI2 cash management balance reporting, as US banks send it. */
  BAI2;

  /**
   * Accepts the names people type: {@code camt053}, {@code camt.053}, {@code mt940}, {@code csv}.
   */
  public static Optional<StatementFormat> fromName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String normalized = name.trim().toLowerCase(Locale.ROOT).replace(".", "").replace("-", "_");
    return switch (normalized) {
      case "camt053", "camt" -> Optional.of(CAMT053);
      case "camt052" -> Optional.of(CAMT052);
      case "bai2", "bai" -> Optional.of(BAI2);
      case "mt940", "swift" -> Optional.of(MT940);
      case "provider_csv", "csv", "provider" -> Optional.of(PROVIDER_CSV);
      default -> Optional.empty();
    };
  }

  /** A best guess from the first bytes, for uploads and inbox files that do not say. */
  public static Optional<StatementFormat> sniff(byte[] content) {
    String head =
        new String(
                content, 0, Math.min(content.length, 512), java.nio.charset.StandardCharsets.UTF_8)
            .replace("\uFEFF", "")
            .stripLeading();
    if (head.startsWith("<")) {
      return Optional.of(head.contains("camt.052") ? CAMT052 : CAMT053);
    }
    if (head.startsWith("01,")) {
      return Optional.of(BAI2);
    }
    if (head.startsWith("{1:")
        || head.startsWith(":20:")
        || head.startsWith(":940:")
        || head.matches("(?s)[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?\\r?\n940\\r?\n.*")
        || head.startsWith("$")) {
      return Optional.of(MT940);
    }
    if (head.toLowerCase(Locale.ROOT).startsWith("statement_id")) {
      return Optional.of(PROVIDER_CSV);
    }
    return Optional.empty();
  }
}
