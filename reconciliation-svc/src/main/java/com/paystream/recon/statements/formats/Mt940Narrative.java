package com.paystream.recon.statements.formats;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an MT940 {@code :86:} (information to account owner) says about its {@code :61:} line: the
 * payment reference and a readable description. Banks write it in one of three ways:
 *
 * <ul>
 *   <li>sub-fields {@code ?00}–{@code ?63} after a three-digit business transaction code, as German
 *       and Austrian banks do ({@code 166?00SEPA-GUTSCHRIFT?20EREF+pay-1?21SVWZ+Order 1?30BIC
 *       ?31IBAN?32NAME}): {@code ?00} booking text, {@code ?20}–{@code ?29} and {@code ?60}–{@code
 *       ?63} remittance (with SEPA keywords {@code EREF+}, {@code SVWZ+} …), {@code ?30}/{@code
 *       ?31} counterparty bank and account, {@code ?32}/{@code ?33} counterparty name;
 *   <li>SWIFT-style tags ({@code /EREF/pay-1/REMI/Order 1/NAME/ACME}), as Dutch and other banks do;
 *   <li>free text.
 * </ul>
 *
 * The reference is the end-to-end reference ({@code EREF}), the one the payer's bank carries from
 * our payment request; {@code NOTPROVIDED} and {@code NONREF} are none. The counterparty's account
 * ({@code ?31}) is never copied into the description.
 */
record Mt940Narrative(String reference, String description) {

  static final int MAX_REFERENCE = 64;
  private static final int MAX_DESCRIPTION = 500;

  private static final Pattern STRUCTURED = Pattern.compile("^(\\d{3})?\\?\\d{2}");
  private static final Pattern SUBFIELD = Pattern.compile("\\?(\\d{2})");
  private static final Pattern SEPA_EREF =
      Pattern.compile(
          "EREF\\+(.*?)(?=(?:EREF|KREF|MREF|CRED|DEBT|SVWZ|ABWA|ABWE|IBAN|BIC|COAM|OAMT)\\+|$)");
  private static final Pattern SWIFT_EREF = Pattern.compile("/EREF/([^/\\s]+)");

  static final Mt940Narrative NONE = new Mt940Narrative(null, "");

  /**
   * @throws IllegalArgumentException when the reference is longer than {@value #MAX_REFERENCE}
   *     characters (the caller refuses the file, naming the field)
   */
  static Mt940Narrative of(String info) {
    if (info == null || info.isBlank()) {
      return NONE;
    }
    String joined = info.replaceAll("\\r?\\n", "");
    if (STRUCTURED.matcher(joined).find()) {
      return structured(joined);
    }
    String reference = find(SWIFT_EREF, joined);
    if (reference == null) {
      reference = find(SEPA_EREF, joined);
    }
    return new Mt940Narrative(reference, cap(info.replaceAll("\\s*\\r?\\n\\s*", " ")));
  }

  private static Mt940Narrative structured(String joined) {
    Map<Integer, StringBuilder> fields = new TreeMap<>();
    Matcher m = SUBFIELD.matcher(joined);
    int code = -1;
    int from = 0;
    while (m.find()) {
      if (code >= 0) {
        fields.computeIfAbsent(code, k -> new StringBuilder()).append(joined, from, m.start());
      }
      code = Integer.parseInt(m.group(1));
      from = m.end();
    }
    if (code >= 0) {
      fields.computeIfAbsent(code, k -> new StringBuilder()).append(joined.substring(from));
    }
    StringBuilder remittance = new StringBuilder();
    StringBuilder name = new StringBuilder();
    fields.forEach(
        (k, v) -> {
          if ((k >= 20 && k <= 29) || (k >= 60 && k <= 63)) {
            remittance.append(v);
          } else if (k == 32 || k == 33) {
            name.append(v);
          }
        });
    String bookingText = fields.containsKey(0) ? fields.get(0).toString() : "";
    String reference = find(SEPA_EREF, remittance.toString());
    String text = remittance.toString().replaceAll("(EREF|KREF|MREF|CRED|DEBT|SVWZ)\\+", " $1+");
    String description = String.join(" ", bookingText, name, text).replaceAll("\\s+", " ").trim();
    return new Mt940Narrative(reference, cap(description));
  }

  private static String find(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      return null;
    }
    String value = m.group(1).trim();
    if (value.isEmpty() || value.equals("NOTPROVIDED") || value.equals("NONREF")) {
      return null;
    }
    if (value.length() > MAX_REFERENCE) {
      throw new IllegalArgumentException(
          "the end-to-end reference is "
              + value.length()
              + " characters long; at most "
              + MAX_REFERENCE
              + " are taken");
    }
    return value;
  }

  private static String cap(String text) {
    String trimmed = text.trim();
    return trimmed.length() > MAX_DESCRIPTION ? trimmed.substring(0, MAX_DESCRIPTION) : trimmed;
  }
}
