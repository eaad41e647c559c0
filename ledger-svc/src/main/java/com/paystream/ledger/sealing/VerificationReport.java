package com.paystream.ledger.sealing;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shape of a {@link Verification}, shared by the endpoint and the command line. */
public final class VerificationReport {

  private VerificationReport() {}

  /** Fields in a fixed order; the broken-* fields only when invalid. */
  public static Map<String, Object> of(Verification v) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("valid", v.valid());
    if (!v.valid()) {
      if (v.firstBrokenEntryId() != null) {
        json.put("firstBrokenEntryId", v.firstBrokenEntryId().toString());
        json.put("chainId", v.brokenChainId());
        json.put("chainSequence", v.brokenChainSequence());
      }
      if (v.brokenSealDate() != null) {
        json.put("brokenSealDate", v.brokenSealDate().toString());
      }
      json.put("reason", v.reason());
    }
    json.put("chains", v.chains());
    json.put("entriesChecked", v.entriesChecked());
    json.put("sealsChecked", v.sealsChecked());
    json.put("unsealedDays", v.unsealedDays());
    json.put("unchainedEntries", v.unchainedEntries());
    return json;
  }

  /** The same as one line of JSON (for the command line, without a JSON library). */
  public static String json(Verification v) {
    StringBuilder out = new StringBuilder("{");
    of(v)
        .forEach(
            (key, value) -> {
              if (out.length() > 1) {
                out.append(',');
              }
              out.append('"').append(key).append("\":");
              if (value instanceof String text) {
                out.append('"')
                    .append(text.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
              } else {
                out.append(value);
              }
            });
    return out.append('}').toString();
  }
}
