package com.paystream.recon.statements.formats;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records: comma-separated, fields optionally in double quotes, {@code ""} for a quote
 * inside quotes, quoted fields may span lines, CRLF or LF line ends. Each record remembers the line
 * it starts on, so that errors can name it.
 */
final class CsvRecords {

  /** One record and the (1-based) line it starts on. */
  record CsvRecord(int line, List<String> fields) {}

  /** Thrown for broken quoting, with the line it happened on. */
  static final class CsvSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;

    CsvSyntaxException(int line, String message) {
      super(message);
      this.line = line;
    }

    int line() {
      return line;
    }
  }

  private CsvRecords() {}

  static List<CsvRecord> parse(String text) throws CsvSyntaxException {
    List<CsvRecord> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int line = 1;
    int recordLine = 1;
    boolean quoted = false;
    boolean afterQuote = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
            afterQuote = true;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        afterQuote = false;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        fields.add(field.toString());
        field.setLength(0);
        afterQuote = false;
        addUnlessBlank(records, recordLine, fields);
        fields = new ArrayList<>();
        line++;
        recordLine = line;
      } else if (c == '"') {
        if (field.length() > 0 || afterQuote) {
          throw new CsvSyntaxException(line, "a quote inside an unquoted field");
        }
        quoted = true;
      } else {
        if (afterQuote) {
          throw new CsvSyntaxException(line, "characters after a closing quote");
        }
        field.append(c);
      }
      i++;
    }
    if (quoted) {
      throw new CsvSyntaxException(recordLine, "a quoted field is never closed");
    }
    if (field.length() > 0 || !fields.isEmpty()) {
      fields.add(field.toString());
      addUnlessBlank(records, recordLine, fields);
    }
    return records;
  }

  private static void addUnlessBlank(List<CsvRecord> records, int line, List<String> fields) {
    boolean blank = fields.size() == 1 && fields.get(0).isBlank();
    if (!blank) {
      records.add(new CsvRecord(line, List.copyOf(fields)));
    }
  }
}
