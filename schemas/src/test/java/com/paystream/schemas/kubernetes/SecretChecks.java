package com.paystream.schemas.kubernetes;

import static com.paystream.schemas.kubernetes.Rendering.id;
import static com.paystream.schemas.kubernetes.Rendering.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * No secret value in a rendering: no {@code Secret} carrying data, no literal value for a variable
 * or a ConfigMap key whose name says it is secret (only references or file locations), no field
 * called like a password holding a string, and no string anywhere that looks like key material or
 * credentials (a PEM block, an API key of the suite, an AWS access key, a URL with a password).
 */
final class SecretChecks {

  private static final Pattern SECRET_NAME =
      Pattern.compile(
          "(?i).*(password|passwd|secret|token|credential|private.?key|api.?key|cursor.?key).*");

  /** A file, a mount or a reference, never the value itself. */
  private static final Pattern LOCATION = Pattern.compile("^(file:|/|classpath:).*");

  private static final List<Pattern> LOOKS_SECRET =
      List.of(
          Pattern.compile("-----BEGIN [A-Z ]*(PRIVATE KEY|CERTIFICATE)-----"),
          Pattern.compile("psk_[A-Za-z0-9]+_[A-Za-z0-9-]{8,}"),
          Pattern.compile("AKIA[0-9A-Z]{16}"),
          Pattern.compile("[a-z][a-z0-9+.-]*://[^/\\s:@]+:[^/\\s@]+@"),
          Pattern.compile("(?i)[?&;](password|pass|pwd)=[^&\\s]+"));

  private SecretChecks() {}

  static List<String> check(Rendering rendering) {
    List<String> failures = new ArrayList<>();
    for (Map<String, Object> secret : rendering.ofKind("Secret")) {
      if (!map(secret, "data").isEmpty() || !map(secret, "stringData").isEmpty()) {
        failures.add(id(secret) + ": a Secret with values in the manifests");
      }
    }
    for (Map<String, Object> configMap : rendering.ofKind("ConfigMap")) {
      map(configMap, "data")
          .forEach((key, value) -> literal(id(configMap) + " " + key, key, value, failures));
    }
    for (Map<String, Object> resource : rendering.resources()) {
      walk(id(resource), resource, failures);
    }
    return failures;
  }

  private static void literal(String where, String name, Object value, List<String> failures) {
    if (SECRET_NAME.matcher(name).matches()
        && value instanceof String text
        && !text.isBlank()
        && !LOCATION.matcher(text).matches()) {
      failures.add(where + ": a literal value for a secret; reference a Secret instead");
    }
  }

  private static void walk(String where, Object node, List<String> failures) {
    if (node instanceof Map<?, ?> map) {
      Object name = map.get("name");
      if (map.containsKey("value") && name instanceof String variable) {
        literal(where + " env " + variable, variable, map.get("value"), failures);
      }
      map.forEach(
          (key, value) -> {
            if (value instanceof String text
                && String.valueOf(key).matches("(?i)password|secret|token")) {
              literal(where + " " + key, String.valueOf(key), text, failures);
            }
            walk(where, value, failures);
          });
    } else if (node instanceof List<?> list) {
      list.forEach(item -> walk(where, item, failures));
    } else if (node instanceof String text) {
      for (Pattern pattern : LOOKS_SECRET) {
        if (pattern.matcher(text).find()) {
          failures.add(where + ": a value that looks like a secret (" + pattern + ")");
        }
      }
    }
  }
}
