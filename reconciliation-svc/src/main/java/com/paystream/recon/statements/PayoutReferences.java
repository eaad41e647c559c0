package com.paystream.recon.statements;

import com.paystream.recon.ReconProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which references are payouts' ({@code paystream.recon.payouts.reference-pattern}, by default
 * {@value ReconProperties.Payouts#DEFAULT_REFERENCE_PATTERN}: a provider's payout {@code po_…},
 * ours to a merchant {@code mpo_…}).
 *
 * <p>A bank line is part of a payout when its reference (the end-to-end reference the parser found)
 * matches, else when a word of its description (camt's unstructured remittance information, MT940's
 * {@code :86:}, BAI2's text; words split at spaces, slashes, commas, semicolons and {@code +})
 * does: the first match is its payout reference, and its payment reference stays as the bank gave
 * it. It is a {@link LineKind#PAYOUT} then, whatever transfer code the bank used — a payout
 * arriving is not a customer's payment that could be a lost order — unless the bank said {@link
 * LineKind#FEE}.
 */
public final class PayoutReferences {

  public static final PayoutReferences DEFAULT =
      new PayoutReferences(ReconProperties.Payouts.DEFAULT_REFERENCE_PATTERN);

  /** As long as a payment reference may be: longer words are never taken. */
  static final int MAX_LENGTH = 64;

  private static final Pattern WORDS = Pattern.compile("[\\s/,;+]+");

  private final Pattern pattern;

  /**
   * @throws IllegalArgumentException when {@code regex} is not a regular expression
   */
  public PayoutReferences(String regex) {
    try {
      this.pattern = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "paystream.recon.payouts.reference-pattern is not a regular expression: "
              + e.getDescription(),
          e);
    }
  }

  public String pattern() {
    return pattern.pattern();
  }

  public boolean matches(String reference) {
    return reference != null
        && reference.length() <= MAX_LENGTH
        && pattern.matcher(reference).matches();
  }

  /** The payout reference of a bank line: its reference, else the first word that matches. */
  public Optional<String> find(String reference, String description) {
    if (matches(reference)) {
      return Optional.of(reference);
    }
    if (description == null) {
      return Optional.empty();
    }
    for (String word : WORDS.split(description)) {
      if (matches(word)) {
        return Optional.of(word);
      }
    }
    return Optional.empty();
  }

  /** The file's bank lines, those of a payout with their payout reference and kind. */
  public ParsedStatementFile recognise(ParsedStatementFile file) {
    List<StatementLineDraft> lines = new ArrayList<>(file.lines().size());
    for (StatementLineDraft line : file.lines()) {
      lines.add(recognise(line));
    }
    return new ParsedStatementFile(file.format(), lines);
  }

  private StatementLineDraft recognise(StatementLineDraft line) {
    return find(line.paymentReference(), line.description())
        .map(
            reference ->
                line.inPayout(
                    reference, line.kind() == LineKind.FEE ? LineKind.FEE : LineKind.PAYOUT))
        .orElse(line);
  }
}
