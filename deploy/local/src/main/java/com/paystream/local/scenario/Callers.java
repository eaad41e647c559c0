package com.paystream.local.scenario;

import com.paystream.local.demo.DemoProvider;
import java.util.Map;

/** The Authorization headers the scenario sends, one per demo principal it acts as. */
final class Callers {

  /** The first operator: requests corrections and closes the day. */
  static final Map<String, String> OPERATOR = bearer(DemoProvider.OPERATOR_API_KEY);

  /** The second operator: approves what the first requests. */
  static final Map<String, String> OPERATOR2 = bearer(DemoProvider.OPERATOR2_API_KEY);

  /** The auditor: every read of the checking phases. */
  static final Map<String, String> AUDITOR = bearer(DemoProvider.AUDITOR_API_KEY);

  private Callers() {}

  /** A caller's headers plus one more. */
  static Map<String, String> with(Map<String, String> caller, String header, String value) {
    return Map.of("authorization", caller.get("authorization"), header, value);
  }

  private static Map<String, String> bearer(String apiKey) {
    return Map.of("authorization", "Bearer " + apiKey);
  }
}
