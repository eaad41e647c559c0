package com.paystream.recon.statements.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paystream.recon.statements.Fixtures;
import com.paystream.recon.statements.StatementFormat;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatementParsersTest {

  private final StatementParsers parsers = new StatementParsers();

  @Test
  void tellsCamt052FromCamt053ByTheNamespaceOfAnXmlFile() {
    assertThat(formatOf("report.xml", "camt052-v08-dkb-intraday-2025-03-14T1400.xml"))
        .isEqualTo(StatementFormat.CAMT052);
    assertThat(formatOf("statement.xml", "camt053-v13-dkb-2025-03-14.xml"))
        .isEqualTo(StatementFormat.CAMT053);
    assertThat(formatOf("", "camt052-v08-dkb-intraday-2025-03-14T1400.xml"))
        .isEqualTo(StatementFormat.CAMT052);
  }

  @Test
  void recognisesBai2ByExtensionOrFileHeader() {
    assertThat(formatOf("acme.bai", "bai2-acmebank-2025-03-14.bai"))
        .isEqualTo(StatementFormat.BAI2);
    assertThat(formatOf("upload", "bai2-acmebank-2025-03-14.bai")).isEqualTo(StatementFormat.BAI2);
  }

  @Test
  void recognisesMt940StartingWithAColon940OrBicPreamble() {
    assertThat(formatOf("upload", "mt940-940-preamble-structured-86-2025-03-14.sta"))
        .isEqualTo(StatementFormat.MT940);
    assertThat(formatOf("upload", "mt940-bank-preamble-crlf-2025-03-14.sta"))
        .isEqualTo(StatementFormat.MT940);
  }

  @Test
  void namesEveryFormatWhenItCannotTell() {
    assertThatThrownBy(
            () ->
                parsers.formatOf(
                    new IncomingStatement(
                        Channel.HTTP,
                        "notes.txt",
                        Optional.empty(),
                        "hello".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(UnrecognisedFormatException.class)
        .hasMessageContaining("camt053, camt052, mt940, bai2 or csv");
  }

  @Test
  void hasAParserForEveryFormat() {
    for (StatementFormat format : StatementFormat.values()) {
      assertThat(parsers.parserFor(format).format()).isEqualTo(format);
    }
  }

  private StatementFormat formatOf(String fileName, String fixture) {
    return parsers.formatOf(
        new IncomingStatement(Channel.HTTP, fileName, Optional.empty(), Fixtures.bytes(fixture)));
  }
}
