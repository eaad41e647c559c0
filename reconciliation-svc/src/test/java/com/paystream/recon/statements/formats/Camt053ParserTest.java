package com.paystream.recon.statements.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.paystream.recon.matching.Direction;
import com.paystream.recon.statements.Fixtures;
import com.paystream.recon.statements.LineKind;
import com.paystream.recon.statements.MalformedStatementException;
import com.paystream.recon.statements.ParsedStatementFile;
import com.paystream.recon.statements.StatementLineDraft;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class Camt053ParserTest {

  private final Camt053Parser parser = new Camt053Parser();

  @Test
  void readsBookedEntriesOfEveryStatementOfVersion08() {
    ParsedStatementFile file = parser.parse(Fixtures.bytes("camt053-v08-acme-2025-03-14.xml"));

    assertThat(file.statementIds()).containsExactly("ACME-EUR-20250314", "ACME-GBP-20250314");
    assertThat(file.lines())
        .extracting(
            StatementLineDraft::lineId,
            StatementLineDraft::paymentReference,
            StatementLineDraft::direction,
            d -> d.amount().minor(),
            d -> d.amount().currencyCode())
        .containsExactly(
            tuple("E20250314-0001", "pay-camt-eur-0001", Direction.CREDIT, 12550L, "EUR"),
            tuple("E20250314-0002/1", "pay-camt-eur-0002", Direction.CREDIT, 20000L, "EUR"),
            tuple("E20250314-0002/2", "pay-camt-eur-0003", Direction.CREDIT, 13000L, "EUR"),
            tuple("E20250314-0003", "pay-camt-eur-0004", Direction.DEBIT, 4100L, "EUR"),
            tuple("G20250314-0001", "pay-camt-gbp-0001", Direction.CREDIT, 199999L, "GBP"));
  }

  @Test
  void takesBookingAndValueDatesFromTheStatementAndMasksTheAccount() {
    ParsedStatementFile file = parser.parse(Fixtures.bytes("camt053-v08-acme-2025-03-14.xml"));

    StatementLineDraft gbp = file.lines().get(4);
    assertThat(gbp.bookingDate()).isEqualTo(LocalDate.of(2025, 3, 14));
    assertThat(gbp.valueDate()).isEqualTo(LocalDate.of(2025, 3, 17));
    assertThat(gbp.accountReference()).isEqualTo("GB33**************5555");
    assertThat(file.lines().get(0).description()).isEqualTo("Order 0001 ACME shop");
    assertThat(file.lines()).allSatisfy(line -> assertThat(line.provider()).isNull());
  }

  @Test
  void readsVersion02WithoutAReferenceWhereNoneIsProvided() {
    ParsedStatementFile file = parser.parse(Fixtures.bytes("camt053-v02-nordic-2025-03-14.xml"));

    assertThat(file.lines())
        .extracting(
            StatementLineDraft::statementId,
            StatementLineDraft::lineId,
            StatementLineDraft::paymentReference,
            d -> d.amount().minor(),
            d -> d.amount().currencyCode())
        .containsExactly(
            tuple("NORD-SEK-20250314-1", "1", "pay-camt-sek-0001", 125000L, "SEK"),
            tuple("NORD-SEK-20250314-1", "2", null, 7550L, "SEK"));
    assertThat(file.lines().get(1).description()).isEqualTo("Incoming transfer without reference");
  }

  @Test
  void refusesAnAmountThatIsNotANumberNamingTheElement() {
    assertThatThrownBy(() -> parser.parse(Fixtures.bytes("malformed/camt053-bad-amount.xml")))
        .isInstanceOf(MalformedStatementException.class)
        .hasMessageContaining("BkToCstmrStmt/Stmt[1]/Ntry[2]/Amt (line 51, column");
  }

  @Test
  void refusesAnUnknownElement() {
    assertThatThrownBy(() -> parser.parse(Fixtures.bytes("malformed/camt053-unknown-element.xml")))
        .hasMessageContaining("BkToCstmrStmt/Stmt[1]/Ntry[2]/AcctSvcrReference (line 56")
        .hasMessageContaining("unexpected element");
  }

  @Test
  void refusesXmlThatIsNotWellFormed() {
    assertThatThrownBy(() -> parser.parse(Fixtures.bytes("malformed/camt053-not-well-formed.xml")))
        .hasMessageContaining("line 75")
        .hasMessageContaining("not well-formed XML");
  }

  @Test
  void refusesFractionalMinorUnits() {
    assertThatThrownBy(() -> parser.parse(Fixtures.bytes("malformed/camt053-fractional-cents.xml")))
        .hasMessageContaining("BkToCstmrStmt/Stmt[2]/Ntry[1]/Amt")
        .hasMessageContaining("1999.995 has more decimals than GBP has minor digits (2)");
  }

  @Test
  void refusesAMissingDirectionAndAnotherMessageVersion() {
    String entry =
        "<Ntry><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CRDX</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>"
            + "<BookgDt><Dt>2025-03-14</Dt></BookgDt></Ntry>";

    assertThatThrownBy(() -> parse(camt("camt.053.001.08", entry)))
        .hasMessageContaining("BkToCstmrStmt/Stmt[1]/Ntry[1]/CdtDbtInd")
        .hasMessageContaining("not CRDT/DBIT");
    assertThatThrownBy(() -> parse(camt("camt.052.001.08", entry)))
        .hasMessageContaining("is not a version this service reads (camt.053.001.02 to .13)");
  }

  @Test
  void readsVersion13WithKindsFromTheBankTransactionCodes() {
    ParsedStatementFile file = parser.parse(Fixtures.bytes("camt053-v13-dkb-2025-03-14.xml"));

    assertThat(file.lines())
        .extracting(
            StatementLineDraft::lineId,
            StatementLineDraft::paymentReference,
            StatementLineDraft::direction,
            StatementLineDraft::kind,
            d -> d.amount().minor())
        .containsExactly(
            tuple("V13-0001", "pay-v13-0001", Direction.CREDIT, LineKind.PAYMENT, 10000L),
            tuple("V13-0002", "PAYOUT-W11", Direction.DEBIT, LineKind.PAYOUT, 50000L),
            tuple("V13-0003", null, Direction.DEBIT, LineKind.FEE, 250L),
            tuple("V13-0004", "pay-v13-0002", Direction.DEBIT, LineKind.REFUND, 3000L));
    assertThat(file.lines().get(2).description()).isEqualTo("Account fee March");
  }

  @Test
  void readsEveryVersionFrom02To13() {
    for (int version = 2; version <= 13; version++) {
      String namespace = "camt.053.001.%02d".formatted(version);
      ParsedStatementFile file = parseEitherStatusForm(namespace);

      assertThat(file.lines())
          .as(namespace)
          .singleElement()
          .satisfies(
              line -> {
                assertThat(line.amount().minor()).isEqualTo(100L);
                assertThat(line.kind()).isEqualTo(LineKind.PAYMENT);
              });
    }
  }

  @Test
  void refusesACurrencyTheInputPolicyDoesNotAccept() {
    String entry =
        "<Ntry><Amt Ccy=\"XAU\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>"
            + "<BookgDt><Dt>2025-03-14</Dt></BookgDt></Ntry>";

    assertThatThrownBy(() -> parse(camt("camt.053.001.08", entry)))
        .isInstanceOfSatisfying(
            MalformedStatementException.class,
            e -> {
              assertThat(e.reason())
                  .isEqualTo(MalformedStatementException.Reason.CURRENCY_NOT_ACCEPTED);
              assertThat(e.where()).isEqualTo("BkToCstmrStmt/Stmt[1]/Ntry[1]/Amt");
            });
  }

  /** Versions before .07 write the status as a bare code, later ones as a choice. */
  private ParsedStatementFile parseEitherStatusForm(String namespace) {
    String entry =
        "<Ntry><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>%s"
            + "<BookgDt><Dt>2025-03-14</Dt></BookgDt>"
            + "<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly>"
            + "</Domn></BkTxCd></Ntry>";
    try {
      return parse(camt(namespace, entry.formatted("<Sts><Cd>BOOK</Cd></Sts>")));
    } catch (MalformedStatementException choiceRefused) {
      return parse(camt(namespace, entry.formatted("<Sts>BOOK</Sts>")));
    }
  }

  @Test
  void refusesDoctypesSoNoEntityCanBeExpanded() {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">&x;</Document>";

    assertThatThrownBy(() -> parse(xxe))
        .isInstanceOf(MalformedStatementException.class)
        .hasMessageContaining("DOCTYPE");
  }

  @Test
  void refusesABatchWhoseTransactionsDoNotAddUp() {
    String entry =
        "<Ntry><NtryRef>B1</NtryRef><Amt Ccy=\"EUR\">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>"
            + "<Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2025-03-14</Dt></BookgDt><NtryDtls>"
            + "<TxDtls><Refs><EndToEndId>a</EndToEndId></Refs><Amt Ccy=\"EUR\">6.00</Amt></TxDtls>"
            + "<TxDtls><Refs><EndToEndId>b</EndToEndId></Refs><Amt Ccy=\"EUR\">3.00</Amt></TxDtls>"
            + "</NtryDtls></Ntry>";

    assertThatThrownBy(() -> parse(camt("camt.053.001.08", entry)))
        .hasMessageContaining("Stmt[1]/Ntry[1]/NtryDtls")
        .hasMessageContaining("add up to 900 minor units, the entry says 1000");
  }

  private ParsedStatementFile parse(String xml) {
    return parser.parse(xml.getBytes(StandardCharsets.UTF_8));
  }

  private static String camt(String version, String entries) {
    return "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:"
        + version
        + "\"><BkToCstmrStmt><GrpHdr><MsgId>M</MsgId><CreDtTm>2025-03-15T06:00:00Z</CreDtTm>"
        + "</GrpHdr><Stmt><Id>S</Id><CreDtTm>2025-03-15T06:00:00Z</CreDtTm><Acct><Id><IBAN>"
        + "DE89370400440532013000</IBAN></Id></Acct>"
        + entries
        + "</Stmt></BkToCstmrStmt></Document>";
  }
}
