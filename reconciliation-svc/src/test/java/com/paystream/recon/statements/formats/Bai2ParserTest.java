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

class Bai2ParserTest {

  private static final String FIXTURE = "bai2-acmebank-2025-03-14.bai";

  private final Bai2Parser parser = new Bai2Parser();

  @Test
  void readsEveryDetailOfEveryAccountWithDirectionAndKindFromTheTypeCode() {
    ParsedStatementFile file = parser.parse(Fixtures.bytes(FIXTURE));

    assertThat(file.statementIds())
        .containsExactly("bai2-ACMEBANK-250315-1-1", "bai2-ACMEBANK-250315-1-2");
    assertThat(file.lines())
        .extracting(
            StatementLineDraft::lineId,
            StatementLineDraft::paymentReference,
            StatementLineDraft::direction,
            StatementLineDraft::kind,
            d -> d.amount().minor(),
            d -> d.amount().currencyCode())
        .containsExactly(
            tuple("1", "pay-bai-0001", Direction.CREDIT, LineKind.PAYMENT, 250000L, "USD"),
            tuple("2", "pay-bai-0002", Direction.CREDIT, LineKind.PAYMENT, 120000L, "USD"),
            tuple("3", "PAYOUT-0314", Direction.DEBIT, LineKind.PAYOUT, 200000L, "USD"),
            tuple("4", null, Direction.DEBIT, LineKind.FEE, 2500L, "USD"),
            tuple("5", "pay-bai-0003", Direction.DEBIT, LineKind.REFUND, 22500L, "USD"),
            tuple("1", null, Direction.CREDIT, LineKind.PAYOUT, 99900L, "EUR"));
  }

  @Test
  void takesTheGroupsAsOfDateTheValueDateAndTheContinuedText() {
    ParsedStatementFile file = parser.parse(Fixtures.bytes(FIXTURE));

    StatementLineDraft wire = file.lines().get(1);
    assertThat(wire.bookingDate()).isEqualTo(LocalDate.of(2025, 3, 14));
    assertThat(wire.valueDate()).isEqualTo(LocalDate.of(2025, 3, 14));
    assertThat(wire.description()).isEqualTo("INCOMING WIRE ORDER 0002 FROM JOHN DOE, NEW YORK");
    assertThat(wire.accountReference()).doesNotContain("400123456789");
    assertThat(file.lines().get(0).valueDate()).isNull();
  }

  @Test
  void refusesAFileWhoseControlTotalsDoNotAddUp() {
    assertThatThrownBy(() -> parser.parse(Fixtures.bytes("malformed/bai2-control-total-off.bai")))
        .isInstanceOf(MalformedStatementException.class)
        .hasMessageContaining("line 10, record 49, field account control total")
        .hasMessageContaining("says 3740000, the records before it add up to 3740001");
  }

  @Test
  void refusesAWrongRecordCount() {
    String bai = text().replace("49,99900,3/", "49,99900,4/");

    assertThatThrownBy(() -> parse(bai))
        .hasMessageContaining("record 49, field number of records")
        .hasMessageContaining("says 4");
  }

  @Test
  void refusesABankSpecificTypeCodeWhoseDirectionIsUnknown() {
    String bai =
        text().replace("16,698,2500,Z,9004,,SERVICE CHARGE/", "16,901,2500,Z,9004,,SERVICE/");

    assertThatThrownBy(() -> parse(bai))
        .hasMessageContaining("line 8, record 16, field type code")
        .hasMessageContaining("901 is not a credit (100-399) or debit (400-699)");
  }

  @Test
  void refusesACurrencyTheInputPolicyDoesNotAccept() {
    String bai = text().replace("03,500987654321,EUR,", "03,500987654321,XAU,");

    assertThatThrownBy(() -> parse(bai))
        .isInstanceOfSatisfying(
            MalformedStatementException.class,
            e -> {
              assertThat(e.reason())
                  .isEqualTo(MalformedStatementException.Reason.CURRENCY_NOT_ACCEPTED);
              assertThat(e.where()).isEqualTo("line 11, record 03, field currency code");
            });
  }

  @Test
  void refusesAFileWithoutItsTrailerOrWithRecordsOutOfOrder() {
    String truncated = text().substring(0, text().indexOf("\n98,") + 1);
    String swapped = text().replace("02,PAYSTREAM", "03,PAYSTREAM");

    assertThatThrownBy(() -> parse(truncated))
        .hasMessageContaining("ends where an 03 account or the 98 group trailer was expected");
    assertThatThrownBy(() -> parse(swapped))
        .hasMessageContaining("line 2")
        .hasMessageContaining(
            "record 03 where a 02 group header or the 99 file trailer was expected");
  }

  @Test
  void refusesAnEmptyFileAsAnEmptyStatement() {
    assertThatThrownBy(() -> parse("\n"))
        .isInstanceOfSatisfying(
            MalformedStatementException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(MalformedStatementException.Reason.EMPTY_STATEMENT));
  }

  private static String text() {
    return new String(Fixtures.bytes(FIXTURE), StandardCharsets.UTF_8);
  }

  private ParsedStatementFile parse(String bai) {
    return parser.parse(bai.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aCustomerReferenceOrAWordOfTheTextThatIsAPayoutReferenceMakesTheLineAPayouts() {
    String bai =
        new String(Fixtures.bytes(FIXTURE), StandardCharsets.US_ASCII)
            .replace("PAYOUT-0314", "mpo_0314abc")
            .replace("ACH SETTLEMENT CARD PROCESSOR", "ACH SETTLEMENT po_acme_EUR_20250314");

    ParsedStatementFile file = parser.parse(bai.getBytes(StandardCharsets.US_ASCII));

    assertThat(file.lines())
        .filteredOn(line -> line.payoutReference() != null)
        .extracting(
            StatementLineDraft::payoutReference,
            StatementLineDraft::paymentReference,
            StatementLineDraft::direction,
            StatementLineDraft::kind)
        .containsExactly(
            tuple("mpo_0314abc", "mpo_0314abc", Direction.DEBIT, LineKind.PAYOUT),
            tuple("po_acme_EUR_20250314", null, Direction.CREDIT, LineKind.PAYOUT));
  }
}
