package com.paystream.recon.statements.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.paystream.recon.matching.Direction;
import com.paystream.recon.statements.Fixtures;
import com.paystream.recon.statements.LineKind;
import com.paystream.recon.statements.MalformedStatementException;
import com.paystream.recon.statements.ParsedStatementFile;
import com.paystream.recon.statements.StatementFormat;
import com.paystream.recon.statements.StatementLineDraft;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Camt052ParserTest {

  private static final String FIXTURE = "camt052-v08-dkb-intraday-2025-03-14T1400.xml";

  private final Camt052Parser parser = new Camt052Parser();

  @Test
  void readsTheBookedEntriesOfAnIntradayReport() {
    ParsedStatementFile file = parser.parse(Fixtures.bytes(FIXTURE));

    assertThat(file.format()).isEqualTo(StatementFormat.CAMT052);
    assertThat(file.lines())
        .extracting(
            StatementLineDraft::lineId,
            StatementLineDraft::paymentReference,
            StatementLineDraft::direction,
            StatementLineDraft::kind,
            d -> d.amount().minor())
        .containsExactly(
            tuple("DKB-1", "pay-v13-0001", Direction.CREDIT, LineKind.PAYMENT, 10000L),
            tuple("DKB-2", "PAYOUT-W11", Direction.DEBIT, LineKind.PAYOUT, 50000L));
    assertThat(file.lines())
        .allSatisfy(line -> assertThat(line.format()).isEqualTo(StatementFormat.CAMT052));
  }

  @Test
  void aLaterReportOfTheSameDayGivesTheSameLineIdentities() {
    String first = new String(Fixtures.bytes(FIXTURE), StandardCharsets.UTF_8);
    String later =
        first
            .replace("DKB-RPT-EUR-20250314-1400", "DKB-RPT-EUR-20250314-1800")
            .replace("<NtryRef>R-0001</NtryRef>", "<NtryRef>R-0101</NtryRef>");

    assertThat(identities(later)).isEqualTo(identities(first));
    assertThat(parser.parse(Fixtures.bytes(FIXTURE)).statementIds())
        .singleElement()
        .satisfies(id -> assertThat(id).matches("camt052-[0-9a-f]{12}").doesNotContain("0202051"));
  }

  @Test
  void refusesAnEntryWithoutTheBanksReference() {
    String report =
        new String(Fixtures.bytes(FIXTURE), StandardCharsets.UTF_8)
            .replace("<NtryRef>R-0001</NtryRef>", "")
            .replace("<AcctSvcrRef>DKB-1</AcctSvcrRef>", "");

    assertThatThrownBy(() -> parser.parse(report.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedStatementException.class)
        .hasMessageContaining("BkToCstmrAcctRpt/Rpt[1]/Ntry[1]/AcctSvcrRef");
  }

  @Test
  void refusesAStatementGivenAsAReport() {
    assertThatThrownBy(() -> parser.parse(Fixtures.bytes("camt053-v13-dkb-2025-03-14.xml")))
        .isInstanceOf(MalformedStatementException.class)
        .hasMessageContaining("is not a version this service reads (camt.052.001.02 to .13)");
  }

  private java.util.List<String> identities(String xml) {
    return parser.parse(xml.getBytes(StandardCharsets.UTF_8)).lines().stream()
        .map(StatementLineDraft::identity)
        .toList();
  }

  @Test
  void aPayoutReferenceInTheRemittanceInformationMakesTheLineAPayouts() {
    String camt =
        new String(Fixtures.bytes(FIXTURE), StandardCharsets.UTF_8)
            .replace("<EndToEndId>PAYOUT-W11</EndToEndId>", "<EndToEndId>NOTPROVIDED</EndToEndId>")
            .replace("<Ustrd>Weekly payout</Ustrd>", "<Ustrd>Weekly payout mpo_W11abc</Ustrd>");

    ParsedStatementFile file = parser.parse(camt.getBytes(StandardCharsets.UTF_8));

    assertThat(file.lines())
        .filteredOn(line -> line.payoutReference() != null)
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.payoutReference()).isEqualTo("mpo_W11abc");
              assertThat(line.paymentReference()).isNull();
              assertThat(line.kind()).isEqualTo(LineKind.PAYOUT);
            });
  }

  @Test
  void thePayoutPatternIsTheConfiguredOne() {
    Camt052Parser custom =
        new Camt052Parser(
            com.paystream.recon.statements.StatementMoney.defaults(),
            new com.paystream.recon.statements.PayoutReferences("^PAYOUT-W[0-9]+$"));

    ParsedStatementFile file = custom.parse(Fixtures.bytes(FIXTURE));

    assertThat(file.lines())
        .extracting(StatementLineDraft::payoutReference)
        .containsOnlyOnce("PAYOUT-W11");
    assertThat(parser.parse(Fixtures.bytes(FIXTURE)).lines())
        .extracting(StatementLineDraft::payoutReference)
        .containsOnlyNulls();
  }
}
