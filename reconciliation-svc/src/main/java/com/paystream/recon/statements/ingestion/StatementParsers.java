package com.paystream.recon.statements.ingestion;

import com.paystream.recon.statements.StatementFormat;
import com.paystream.recon.statements.StatementParser;
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

  public StatementParsers() {
    for (StatementParser parser :
        new StatementParser[] {new ProviderCsvParser(), new Camt053Parser(), new Mt940Parser()}) {
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
        .or(() -> byExtension(incoming.fileName()))
        .or(() -> StatementFormat.sniff(incoming.content()))
        .orElseThrow(
            () ->
                new UnrecognisedFormatException(
                    "cannot tell the statement format of '"
                        + incoming.fileName()
                        + "'; name it: camt053, mt940 or csv"));
  }

  static Optional<StatementFormat> byExtension(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".xml")) {
      return Optional.of(StatementFormat.CAMT053);
    }
    if (name.endsWith(".csv")) {
      return Optional.of(StatementFormat.PROVIDER_CSV);
    }
    if (name.endsWith(".sta") || name.endsWith(".mt940") || name.endsWith(".940")) {
      return Optional.of(StatementFormat.MT940);
    }
    return Optional.empty();
  }
}
