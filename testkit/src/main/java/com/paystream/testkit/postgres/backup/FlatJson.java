package com.paystream.testkit.postgres.backup;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON object of strings and integers, one level deep: all a backup manifest needs. The kit has
 * no JSON library of its own (the broker's Jackson is an implementation detail of Kafka), and the
 * manifest must stay readable with {@code cat} and {@code jq}.
 */
final class FlatJson {

  private FlatJson() {}

  static String write(Map<String, Object> fields) {
    StringBuilder json = new StringBuilder("{\n");
    int i = 0;
    for (Map.Entry<String, Object> field : fields.entrySet()) {
      json.append("  ").append(quote(field.getKey())).append(": ");
      Object value = field.getValue();
      json.append(value instanceof Number ? value.toString() : quote(String.valueOf(value)));
      json.append(++i < fields.size() ? ",\n" : "\n");
    }
    return json.append("}\n").toString();
  }

  /** Every field as text: strings unquoted, numbers as written. */
  static Map<String, String> read(String json) {
    Reader reader = new Reader(json);
    Map<String, String> fields = new LinkedHashMap<>();
    reader.expect('{');
    if (reader.peek() == '}') {
      reader.expect('}');
      return fields;
    }
    do {
      String name = reader.string();
      reader.expect(':');
      fields.put(name, reader.peek() == '"' ? reader.string() : reader.number());
    } while (reader.commaOrEnd());
    return fields;
  }

  private static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        default -> {
          if (c < 0x20) {
            quoted.append(String.format("\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }

  private static final class Reader {
    private final String json;
    private int at;

    Reader(String json) {
      this.json = json;
    }

    char peek() {
      skipSpace();
      if (at >= json.length()) {
        throw new IllegalArgumentException("JSON ends too early");
      }
      return json.charAt(at);
    }

    void expect(char c) {
      if (peek() != c) {
        throw new IllegalArgumentException("expected '" + c + "' at " + at + " in JSON");
      }
      at++;
    }

    boolean commaOrEnd() {
      if (peek() == ',') {
        at++;
        return true;
      }
      expect('}');
      return false;
    }

    String string() {
      expect('"');
      StringBuilder text = new StringBuilder();
      while (true) {
        char c = json.charAt(at++);
        if (c == '"') {
          return text.toString();
        }
        if (c != '\\') {
          text.append(c);
          continue;
        }
        char escaped = json.charAt(at++);
        switch (escaped) {
          case 'n' -> text.append('\n');
          case 't' -> text.append('\t');
          case 'r' -> text.append('\r');
          case 'u' -> {
            text.append((char) Integer.parseInt(json.substring(at, at + 4), 16));
            at += 4;
          }
          default -> text.append(escaped);
        }
      }
    }

    String number() {
      skipSpace();
      int start = at;
      while (at < json.length() && "-0123456789".indexOf(json.charAt(at)) >= 0) {
        at++;
      }
      if (start == at) {
        throw new IllegalArgumentException("expected a string or an integer at " + at + " in JSON");
      }
      return json.substring(start, at);
    }

    private void skipSpace() {
      while (at < json.length() && Character.isWhitespace(json.charAt(at))) {
        at++;
      }
    }
  }
}
