package com.paystream.ledger.booking.persistence;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import org.postgresql.PGConnection;

/**
 * Rows in PostgreSQL's COPY text format, streamed with one COPY FROM STDIN: for thousands of rows
 * the cheapest way in, and it fires the same constraints and triggers as INSERT.
 */
final class CopyRows {

  private static final HexFormat HEX = HexFormat.of();

  private final StringBuilder text;
  private boolean rowStarted;

  CopyRows(int expectedRows) {
    this.text = new StringBuilder(expectedRows * 128);
  }

  CopyRows value(Object value) {
    separate();
    text.append(value == null ? "\\N" : escape(value.toString()));
    return this;
  }

  CopyRows bytes(byte[] value) {
    separate();
    if (value == null) {
      text.append("\\N");
    } else {
      // bytea hex input, with the backslash escaped for the COPY text format.
      text.append("\\\\x").append(HEX.formatHex(value));
    }
    return this;
  }

  CopyRows endRow() {
    text.append('\n');
    rowStarted = false;
    return this;
  }

  long copyInto(Connection connection, String copySql) throws SQLException {
    try {
      return connection
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(copySql, new StringReader(text.toString()));
    } catch (IOException e) {
      throw new SQLException("COPY failed: " + e.getMessage(), "08006", e);
    }
  }

  private void separate() {
    if (rowStarted) {
      text.append('\t');
    }
    rowStarted = true;
  }

  private static String escape(String value) {
    StringBuilder out = null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      String replacement =
          switch (c) {
            case '\\' -> "\\\\";
            case '\t' -> "\\t";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            default -> null;
          };
      if (replacement != null && out == null) {
        out = new StringBuilder(value.length() + 8).append(value, 0, i);
      }
      if (out != null) {
        if (replacement != null) {
          out.append(replacement);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? value : out.toString();
  }
}
