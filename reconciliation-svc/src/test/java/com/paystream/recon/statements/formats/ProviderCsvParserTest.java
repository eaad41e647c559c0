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

class ProviderCsvParserTest {

  private final ProviderCsvParser parser = new ProviderCsvParser();

  @Test
  void readsEveryLineOfSeveralStatementsInSeveralCurrencies() {
    ParsedStatementFile file = parser.parse(Fixtures.bytes("provider-simulator-2025-03-14.csv"));

    assertThat(file.statementIds())
        .containsExactly("SIM-20250314-EUR", "SIM-20250314-USD", "SIM-20250314-JPY");
    assertThat(file.lines())
        .extracting(
            StatementLineDraft::lineId,
            StatementLineDraft::paymentReference,
            StatementLineDraft::direction,
            d -> d.amount().minor(),
            d -> d.amount().currencyCode())
        .containsExactly(
            tuple("0001", "pay-csv-eur-0001", Direction.CREDIT, 12550L, "EUR"),
            tuple("0002", "pay-csv-eur-0002", Direction.CREDIT, 4999L, "EUR"),
            tuple("0003", "pay-csv-eur-0003", Direction.DEBIT, 1500L, "EUR"),
            tuple("0004", null, Direction.DEBIT, 35L, "EUR"),
            tuple("0001", "pay-csv-usd-0001", Direction.CREDIT, 100000L, "USD"),
            tuple("0002", "pay-csv-usd-0002", Direction.CREDIT, 2599L, "USD"),
            tuple("0001", "pay-csv-jpy-0001", Direction.CREDIT, 15800L, "JPY"));
  }

  @Test
  void readsDatesQuotedFieldsAndTheProvider() {
    ParsedStatementFile file = parser.parse(Fixtures.bytes("provider-simulator-2025-03-14.csv"));

    StatementLineDraft second = file.lines().get(1);
    assertThat(second.bookingDate()).isEqualTo(LocalDate.of(2025, 3, 14));
    assertThat(second.valueDate()).isEqualTo(LocalDate.of(2025, 3, 15));
    assertThat(second.description()).isEqualTo("Card payment, order 0002");
    assertThat(second.provider()).isEqualTo("simulator");
    assertThat(second.accountReference()).isEqualTo("provider:simulator");
    assertThat(file.lines().get(2).description()).isEqualTo("Refund \"partial\" order 0003");
    assertThat(file.lines().get(2).valueDate()).isNull();
  }

  @Test
  void refusesADecimalAmountNamingItsLine() {
    assertThatThrownBy(() -> parser.parse(Fixtures.bytes("malformed/provider-bad-amount.csv")))
        .isInstanceOf(MalformedStatementException.class)
        .satisfies(
            e -> {
              MalformedStatementException refused = (MalformedStatementException) e;
              assertThat(refused.where()).isEqualTo("line 3");
              assertThat(refused.problem())
                  .isEqualTo(
                      "column amount_minor '49.99' is not a positive whole number of minor units");
            });
  }

  @Test
  void refusesAMissingRequiredColumn() {
    String csv = "statement_id,line_id,booking_date,provider,direction,amount_minor\n";

    assertThatThrownBy(() -> parser.parse(csv.getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("line 1")
        .hasMessageContaining("required column 'currency' is missing");
  }

  @Test
  void refusesALineThatAppearsTwice() {
    String csv =
        "statement_id,line_id,booking_date,provider,direction,amount_minor,currency\n"
            + "S1,1,2025-03-14,sim,CREDIT,100,EUR\n"
            + "S1,1,2025-03-14,sim,CREDIT,100,EUR\n";

    assertThatThrownBy(() -> parser.parse(csv.getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("line 3")
        .hasMessageContaining("appears twice");
  }

  @Test
  void refusesBadDatesDirectionsCurrenciesAndQuoting() {
    String header = "statement_id,line_id,booking_date,provider,direction,amount_minor,currency\n";

    assertThatThrownBy(() -> parse(header + "S1,1,2025-02-30,sim,CREDIT,100,EUR\n"))
        .hasMessageContaining("booking_date '2025-02-30' is not a date");
    assertThatThrownBy(() -> parse(header + "S1,1,2025-02-03,sim,IN,100,EUR\n"))
        .hasMessageContaining("direction 'IN' is not CREDIT or DEBIT");
    assertThatThrownBy(() -> parse(header + "S1,1,2025-02-03,sim,CREDIT,100,EURO\n"))
        .hasMessageContaining("currency 'EURO' is not a currency this suite accepts");
    assertThatThrownBy(() -> parse(header + "S1,1,2025-02-03,sim,CREDIT,-100,EUR\n"))
        .hasMessageContaining("amount_minor '-100'");
    assertThatThrownBy(() -> parse(header + "S1,\"1,2025-02-03,sim,CREDIT,100,EUR\n"))
        .hasMessageContaining("never closed");
    assertThatThrownBy(() -> parse(header + "S1,1,2025-02-03,sim,CREDIT,100\n"))
        .hasMessageContaining("line 2")
        .hasMessageContaining("has 6 fields, the header has 7");
  }

  @Test
  void refusesAHeaderOnlyFileAsAnEmptyStatement() {
    assertThatThrownBy(
            () ->
                parse(
                    "statement_id,line_id,booking_date,provider,direction,amount_minor,currency\r\n"))
        .isInstanceOfSatisfying(
            MalformedStatementException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(MalformedStatementException.Reason.EMPTY_STATEMENT);
              assertThat(e.where()).isEqualTo("line 2");
            });
  }

  @Test
  void refusesAMetalOrTestCurrencyAsNotAcceptedNamingLineAndColumn() {
    String header = "statement_id,line_id,booking_date,provider,direction,amount_minor,currency\n";

    for (String currency : new String[] {"XAU", "XXX", "XTS"}) {
      assertThatThrownBy(() -> parse(header + "S1,1,2025-02-03,sim,CREDIT,100," + currency + "\n"))
          .isInstanceOfSatisfying(
              MalformedStatementException.class,
              e -> {
                assertThat(e.reason())
                    .isEqualTo(MalformedStatementException.Reason.CURRENCY_NOT_ACCEPTED);
                assertThat(e.where()).isEqualTo("line 2, column currency");
              });
    }
  }

  @Test
  void refusesAnAmountAboveThePolicyMaximum() {
    String header = "statement_id,line_id,booking_date,provider,direction,amount_minor,currency\n";

    assertThatThrownBy(() -> parse(header + "S1,1,2025-02-03,sim,CREDIT,1000000001,EUR\n"))
        .isInstanceOfSatisfying(
            MalformedStatementException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(MalformedStatementException.Reason.AMOUNT_OVER_MAXIMUM));
  }

  @Test
  void readsTheOptionalKindColumn() {
    String csv =
        "statement_id,line_id,booking_date,provider,direction,amount_minor,currency,kind\n"
            + "S1,1,2025-02-03,sim,DEBIT,5000,EUR,payout\n"
            + "S1,2,2025-02-03,sim,DEBIT,30,EUR,fee\n"
            + "S1,3,2025-02-03,sim,DEBIT,700,EUR,\n";

    assertThat(parse(csv).lines())
        .extracting(StatementLineDraft::kind)
        .containsExactly(LineKind.PAYOUT, LineKind.FEE, LineKind.REFUND);
    assertThatThrownBy(() -> parse(csv.replace("payout", "salary")))
        .hasMessageContaining(
            "column kind 'SALARY' is not payment, refund, payout, fee, chargeback or other");
  }

  private ParsedStatementFile parse(String csv) {
    return parser.parse(csv.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsAPayoutReportWithItsPayoutReferenceAndChargebackLines() {
    String csv =
        "statement_id,line_id,booking_date,value_date,payment_reference,provider,direction,"
            + "amount_minor,currency,description,kind,payout_reference\n"
            + "payout-sim-EUR-20261204,0001,2026-12-04,2026-12-04,pay-1,sim,CREDIT,10000,EUR,"
            + "Payment psp_1,payment,po_sim_EUR_20261204\n"
            + "payout-sim-EUR-20261204,0002,2026-12-04,2026-12-04,pay-1,sim,DEBIT,10000,EUR,"
            + "Chargeback cb_psp_1,chargeback,po_sim_EUR_20261204\n"
            + "payout-sim-EUR-20261204,FEE,2026-12-04,2026-12-04,,sim,DEBIT,100,EUR,"
            + "Fee,fee,po_sim_EUR_20261204\n"
            + "payout-sim-EUR-20261204,PAYOUT,2026-12-04,2026-12-07,,sim,CREDIT,100,EUR,"
            + "Payout,payout,po_sim_EUR_20261204\n";

    ParsedStatementFile file = parser.parse(csv.getBytes(StandardCharsets.UTF_8));

    assertThat(file.lines())
        .extracting(
            StatementLineDraft::lineId,
            StatementLineDraft::kind,
            StatementLineDraft::direction,
            StatementLineDraft::paymentReference,
            StatementLineDraft::payoutReference)
        .containsExactly(
            tuple("0001", LineKind.PAYMENT, Direction.CREDIT, "pay-1", "po_sim_EUR_20261204"),
            tuple("0002", LineKind.CHARGEBACK, Direction.DEBIT, "pay-1", "po_sim_EUR_20261204"),
            tuple("FEE", LineKind.FEE, Direction.DEBIT, null, "po_sim_EUR_20261204"),
            tuple("PAYOUT", LineKind.PAYOUT, Direction.CREDIT, null, "po_sim_EUR_20261204"));
    assertThat(file.lines().get(3).valueDate()).isEqualTo(LocalDate.of(2026, 12, 7));
  }

  @Test
  void aStatementWithoutThePayoutColumnHasNoPayoutReference() {
    ParsedStatementFile file = parser.parse(Fixtures.bytes("provider-simulator-2025-03-14.csv"));

    assertThat(file.lines()).extracting(StatementLineDraft::payoutReference).containsOnlyNulls();
  }

  @Test
  void refusesAPayoutReferenceThatIsNotOneNamingLineAndPattern() {
    String csv =
        "statement_id,line_id,booking_date,provider,direction,amount_minor,currency,"
            + "payout_reference\n"
            + "payout-1,0001,2026-12-04,sim,CREDIT,100,EUR,po_sim_EUR_20261204\n"
            + "payout-1,0002,2026-12-04,sim,CREDIT,100,EUR,settlement 7\n";

    assertThatThrownBy(() -> parser.parse(csv.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedStatementException.class)
        .hasMessageContaining("line 3")
        .hasMessageContaining("column payout_reference 'settlement 7' is not a payout reference")
        .hasMessageContaining("^(po|mpo)_[A-Za-z0-9_-]+$");
  }
}
