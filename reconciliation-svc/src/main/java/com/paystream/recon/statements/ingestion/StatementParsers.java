package com.paystream.recon.statements.ingestion;

import com.paystream.recon.statements.PayoutReferences;
import com.paystream.recon.statements.StatementFormat;
import com.paystream.recon.statements.StatementMoney;
import com.paystream.recon.statements.StatementParser;
import com.paystream.recon.statements.formats.Bai2Parser;
import com.paystream.recon.statements.formats.Camt052Parser;
import com.paystream.recon.statements.formats.Camt053Parser;
import com.paystream.recon.statements.formats.Mt940Parser;
import com.paystream.recon.statements.formats.ProviderCsvParser;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One parser per format, and how a file's format is recognised when nobody named it. */
public final class StatementParsers {

  private final Map<StatementFormat, StatementParser> parsers =
      new EnumMap<>(StatementFormat.class);

  /** Parsers under the input policy's defaults. */
  public StatementParsers() {
    this(StatementMoney.defaults());
  }

  /** Parsers whose currencies and amounts go through the service's input policy. */
  public StatementParsers(StatementMoney money) {
    this(money, PayoutReferences.DEFAULT);
  }

  /**
   * Parsers whose currencies and amounts go through the service's input policy and which know
   * payouts by {@code payouts}.
   */
  public StatementParsers(StatementMoney money, PayoutReferences payouts) {
    for (StatementParser parser :
        new StatementParser[] {
          new ProviderCsvParser(money, payouts),
          new Camt053Parser(money, payouts),
          new Camt052Parser(money, payouts),
          new Mt940Parser(money, payouts),
          new Bai2Parser(money, payouts)
        }) {
      parsers.put(parser.format(), parser);
    }
  }

  public StatementParser parserFor(StatementFormat format) {
    return parsers.get(format);
  }

  /** The named format, else the file extension's, else the content's. */
  public StatementFormat formatOf(IncomingStatement incoming) {
    return incoming
        .format()
        .or(() -> byExtension(incoming.fileName(), incoming.content()))
        .or(() -> StatementFormat.sniff(incoming.content()))
        .orElseThrow(
            () ->
                new UnrecognisedFormatException(
                    "cannot tell the statement format of '"
                        + incoming.fileName()
                        + "'; name it: camt053, camt052, mt940, bai2 or csv"));
  }

  static Optional<StatementFormat> byExtension(String fileName, byte[] content) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".xml")) {
      // camt.052 and camt.053 share the extension; the namespace at the top tells them apart.
      return Optional.of(
          StatementFormat.sniff(content)
              .filter(StatementFormat.CAMT052::equals)
              .orElse(StatementFormat.CAMT053));
    }
    if (name.endsWith(".csv")) {
      return Optional.of(StatementFormat.PROVIDER_CSV);
    }
    if (name.endsWith(".bai") || name.endsWith(".bai2")) {
      return Optional.of(StatementFormat.BAI2);
    }
    if (name.endsWith(".sta") || name.endsWith(".mt940") || name.endsWith(".940")) {
      return Optional.of(StatementFormat.MT940);
    }
    return Optional.empty();
  }
}
