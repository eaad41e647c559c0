package com.paystream.local.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the stack's secrets in its logs: each secret as it was passed, and the part of it that is
 * the secret proper (the key of a {@code whsec_} signing secret, the secret of a {@code
 * psk_<id>_<secret>} API key), so that a service logging a decoded or split form is caught too.
 */
final class SecretsInLogs {

  /** Shorter values would match by chance (and no secret of the stack is this short). */
  static final int MIN_LENGTH = 8;

  /** Where a secret was found: the log, the secret's name (never its value), the line number. */
  record Leak(String log, String secret, int line) {

    @Override
    public String toString() {
      return log + ":" + line + " holds " + secret;
    }
  }

  private final Map<String, String> needles;

  /**
   * @param secrets value per name (e.g. {@code gateway SPRING_R2DBC_PASSWORD})
   */
  SecretsInLogs(Map<String, String> secrets) {
    Map<String, String> forms = new LinkedHashMap<>();
    secrets.forEach((name, value) -> forms(value).forEach(form -> forms.putIfAbsent(form, name)));
    this.needles = Map.copyOf(forms);
  }

  /** The value and its secret part, each only when long enough to mean something. */
  static List<String> forms(String value) {
    List<String> forms = new ArrayList<>();
    add(forms, value);
    if (value.startsWith("whsec_")) {
      add(forms, value.substring("whsec_".length()));
    }
    if (value.startsWith("psk_")) {
      String[] parts = value.split("_", 3);
      if (parts.length == 3) {
        add(forms, parts[2]);
      }
    }
    return forms;
  }

  private static void add(List<String> forms, String form) {
    if (form != null && form.length() >= MIN_LENGTH && !forms.contains(form)) {
      forms.add(form);
    }
  }

  int secrets() {
    return needles.size();
  }

  /** Every line of {@code lines} holding a secret, once per secret and line. */
  List<Leak> scan(String log, List<String> lines) {
    List<Leak> leaks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      java.util.Set<String> found = new java.util.LinkedHashSet<>();
      for (Map.Entry<String, String> needle : needles.entrySet()) {
        if (line.contains(needle.getKey()) && found.add(needle.getValue())) {
          leaks.add(new Leak(log, needle.getValue(), i + 1));
        }
      }
    }
    return leaks;
  }
}
