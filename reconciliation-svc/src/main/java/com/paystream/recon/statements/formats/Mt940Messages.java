package com.paystream.recon.statements.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts an MT940 file (LF line ends) into its messages' block 4: FIN messages with their SWIFT
 * blocks, or bare field text with an optional preamble per message. Anything between messages that
 * is not a known preamble refuses the file, naming its line.
 */
final class Mt940Messages {

  private static final Pattern MESSAGE_TYPE = Pattern.compile("\\{2:[IO](\\d{3})");

  /** BIC (8 or 11), {@code 940}, {@code :940:}, RJE's {@code $}, a trailing {@code -}. */
  private static final Pattern PREAMBLE =
      Pattern.compile("\\s*|:?940:?|\\$|-|[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?");

  /** Blocks after block 4: {@code {5:{CHK:...}{TNG:}}}, {@code {S:...}}. */
  private static final String TRAILER_BLOCKS = "\\{[0-9A-Z]:(\\{[^{}]*\\}|[^{}])*\\}";

  private Mt940Messages() {}

  static List<Mt940Parser.Chunk> split(String text) {
    return text.contains("{1:") || text.contains("{4:") ? fin(text) : bare(text);
  }

  private static List<Mt940Parser.Chunk> fin(String text) {
    List<Mt940Parser.Chunk> chunks = new ArrayList<>();
    int start = firstBlock(text);
    expectPreamble(text, 0, start);
    while (start >= 0) {
      int next = nextMessage(text, start + 3);
      String message = text.substring(start, next < 0 ? text.length() : next);
      chunks.add(block4(message, start, lineAt(text, start), chunks.size() + 1, text));
      start = next;
    }
    return chunks;
  }

  private static int firstBlock(String text) {
    int one = text.indexOf("{1:");
    return one >= 0 ? one : text.indexOf("{4:");
  }

  private static int nextMessage(String text, int from) {
    return text.indexOf("{1:", from);
  }

  private static Mt940Parser.Chunk block4(
      String message, int offset, int firstLine, int number, String text) {
    String where = "message " + number + " (line " + firstLine + ")";
    Matcher type = MESSAGE_TYPE.matcher(message);
    if (type.find() && !type.group(1).equals("940")) {
      throw Mt940Parser.refuse(where, "message type is MT" + type.group(1) + ", not MT940");
    }
    int open = message.indexOf("{4:");
    int close = message.indexOf("\n-}", Math.max(open, 0));
    if (open < 0 || close < 0) {
      throw Mt940Parser.refuse(where, "block 4 is missing or not terminated by '-}'");
    }
    int bodyStart = open + 3;
    if (bodyStart < message.length() && message.charAt(bodyStart) == '\n') {
      bodyStart++;
    }
    String trailer = message.substring(close + 3).replaceAll(TRAILER_BLOCKS, "");
    int trailerLine = lineAt(text, offset + close + 1);
    for (String row : trailer.split("\n", -1)) {
      if (!PREAMBLE.matcher(row.strip()).matches()) {
        throw Mt940Parser.refuse(
            "line " + trailerLine, "unexpected text after block 4 of " + where);
      }
    }
    return Mt940Parser.Chunk.of(
        message.substring(bodyStart, close), firstLine, lineAt(text, offset + bodyStart));
  }

  private static List<Mt940Parser.Chunk> bare(String text) {
    List<Mt940Parser.Chunk> chunks = new ArrayList<>();
    String[] rows = text.split("\n", -1);
    StringBuilder current = null;
    int start = 0;
    for (int i = 0; i < rows.length; i++) {
      String row = rows[i];
      if (row.startsWith(":20:")) {
        if (current != null) {
          chunks.add(Mt940Parser.Chunk.of(current.toString(), start, start));
        }
        current = new StringBuilder();
        start = i + 1;
      } else if (current != null && (row.strip().equals("-") || row.strip().equals(":940:"))) {
        chunks.add(Mt940Parser.Chunk.of(current.toString(), start, start));
        current = null;
        continue;
      }
      if (current != null) {
        current.append(row).append('\n');
      } else if (!PREAMBLE.matcher(row.strip()).matches()) {
        throw Mt940Parser.refuse("line " + (i + 1), "expected a message starting with :20: or {1:");
      }
    }
    if (current != null) {
      chunks.add(Mt940Parser.Chunk.of(current.toString(), start, start));
    }
    return chunks;
  }

  private static void expectPreamble(String text, int from, int to) {
    if (to < 0) {
      return;
    }
    String[] rows = text.substring(from, to).split("\n", -1);
    for (int i = 0; i < rows.length; i++) {
      if (!PREAMBLE.matcher(rows[i].strip()).matches()) {
        throw Mt940Parser.refuse("line " + (i + 1), "expected a message starting with :20: or {1:");
      }
    }
  }

  private static int lineAt(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
