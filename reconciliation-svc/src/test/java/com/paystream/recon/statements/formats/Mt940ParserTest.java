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

class Mt940ParserTest {

  private final Mt940Parser parser = new Mt940Parser();

  @Test
  void readsEveryLineOfSeveralFinMessages() {
    ParsedStatementFile file = parser.parse(Fixtures.bytes("mt940-commerzbank-2025-03-14.sta"));

    assertThat(file.statementIds()).containsExactly("STMT250314EUR/73/1", "STMT250314USD/12/1");
    assertThat(file.lines())
        .extracting(
            StatementLineDraft::lineId,
            StatementLineDraft::paymentReference,
            StatementLineDraft::direction,
            d -> d.amount().minor(),
            d -> d.amount().currencyCode())
        .containsExactly(
            tuple("1", "pay-mt-eur-0001", Direction.CREDIT, 12550L, "EUR"),
            tuple("2", "pay-mt-eur-0002", Direction.CREDIT, 8000L, "EUR"),
            tuple("3", null, Direction.DEBIT, 1200L, "EUR"),
            tuple("4", "pay-mt-eur-0003", Direction.DEBIT, 2000L, "EUR"),
            tuple("1", "pay-mt-usd-0001", Direction.CREDIT, 250000L, "USD"));
  }

  @Test
  void takesTheEntryDateAsBookingDateAndMasksTheAccount() {
    ParsedStatementFile file = parser.parse(Fixtures.bytes("mt940-commerzbank-2025-03-14.sta"));

    StatementLineDraft refund = file.lines().get(3);
    assertThat(refund.bookingDate()).isEqualTo(LocalDate.of(2025, 3, 14));
    assertThat(refund.valueDate()).isEqualTo(LocalDate.of(2025, 3, 15));
    assertThat(refund.description()).isEqualTo("/EREF/pay-mt-eur-0003/REMI/Refund order 0003");
    assertThat(refund.accountReference()).isEqualTo("DE89**************3000");
    assertThat(file.lines().get(4).bookingDate()).isEqualTo(LocalDate.of(2025, 3, 14));
  }

  @Test
  void readsBareBlockFourText() {
    ParsedStatementFile file = parser.parse(Fixtures.bytes("mt940-bare-2025-03-14.txt"));

    assertThat(file.lines())
        .extracting(
            StatementLineDraft::statementId,
            StatementLineDraft::paymentReference,
            d -> d.amount().minor(),
            d -> d.amount().currencyCode())
        .containsExactly(
            tuple("NB250314CHF/5/1", "pay-mt-chf-0001", 4995L, "CHF"),
            tuple("NB250314CHF/5/1", "pay-mt-chf-0002", 1005L, "CHF"));
  }

  @Test
  void refusesAnAmountWithADecimalPointNamingMessageFieldAndLine() {
    assertThatThrownBy(() -> parser.parse(Fixtures.bytes("malformed/mt940-bad-amount.sta")))
        .isInstanceOf(MalformedStatementException.class)
        .satisfies(
            e ->
                assertThat(((MalformedStatementException) e).where())
                    .isEqualTo("message 1 (line 1), field :61: #3 (line 10)"))
        .hasMessageContaining("does not follow the :61: syntax");
  }

  @Test
  void refusesAStatementWhoseBalancesDoNotAddUp() {
    assertThatThrownBy(() -> parser.parse(Fixtures.bytes("malformed/mt940-unbalanced.sta")))
        .hasMessageContaining("message 2 (line 19), field :62F:")
        .hasMessageContaining("closing balance 260000 minor units is not the opening balance");
  }

  @Test
  void refusesAMissingMandatoryField() {
    String mt =
        ":20:X\n:28C:1/1\n:60F:C250313EUR0,\n:61:2503140314C1,00NTRFpay-1\n:62F:C250314EUR1,00\n";

    assertThatThrownBy(() -> parse(mt))
        .hasMessageContaining("message 1 (line 1), field :25:")
        .hasMessageContaining("missing");
  }

  @Test
  void refusesAnotherMessageTypeAndAnUnterminatedBlock() {
    String mt942 =
        "{1:F01ACMEDEFFAXXX0000000000}{2:O9420600250315COBADEFFXXXX00000000002503150600N}{4:\n"
            + ":20:X\n:25:DE89\n:28C:1/1\n-}";
    String unterminated =
        "{1:F01ACMEDEFFAXXX0000000000}{2:O9400600250315COBADEFFXXXX00000000002503150600N}{4:\n"
            + ":20:X\n:25:DE89\n:28C:1/1\n";

    assertThatThrownBy(() -> parse(mt942)).hasMessageContaining("MT942, not MT940");
    assertThatThrownBy(() -> parse(unterminated)).hasMessageContaining("not terminated by '-}'");
  }

  @Test
  void refusesTextThatIsNoStatement() {
    assertThatThrownBy(() -> parse("hello\nworld\n")).hasMessageContaining("line 1");
  }

  @Test
  void readsBankExportsWithAPreamblePerMessageCrlfAndField28() {
    ParsedStatementFile file =
        parser.parse(Fixtures.bytes("mt940-bank-preamble-crlf-2025-03-14.sta"));

    assertThat(file.statementIds())
        .containsExactly("ABN AMRO BANK NV/14001/1", "ABN AMRO BANK NV/14002/1");
    assertThat(file.lines())
        .extracting(
            StatementLineDraft::paymentReference,
            StatementLineDraft::direction,
            StatementLineDraft::kind,
            d -> d.amount().minor())
        .containsExactly(
            tuple("pay-abn-0001", Direction.CREDIT, LineKind.PAYMENT, 15000L),
            tuple(null, Direction.DEBIT, LineKind.PAYOUT, 40000L),
            tuple(null, Direction.DEBIT, LineKind.FEE, 250L),
            tuple("pay-abn-0002", Direction.CREDIT, LineKind.PAYMENT, 2500L));
    assertThat(file.lines().get(0).description()).contains("/NAME/J JANSEN/REMI/Order 0001");
  }

  @Test
  void readsAColon940PreambleAndStructuredSubfieldsOfField86() {
    ParsedStatementFile file =
        parser.parse(Fixtures.bytes("mt940-940-preamble-structured-86-2025-03-14.sta"));

    assertThat(file.lines())
        .extracting(
            StatementLineDraft::paymentReference,
            StatementLineDraft::direction,
            StatementLineDraft::kind,
            d -> d.amount().minor())
        .containsExactly(
            tuple("pay-de-0001", Direction.CREDIT, LineKind.PAYMENT, 8000L),
            tuple(null, Direction.DEBIT, LineKind.FEE, 1200L),
            tuple("pay-de-0002", Direction.DEBIT, LineKind.REFUND, 3000L));
    StatementLineDraft credit = file.lines().get(0);
    assertThat(credit.statementId()).isEqualTo("STARTUMS/00001/001");
    assertThat(credit.description())
        .isEqualTo("SEPA-GUTSCHRIFT MAX MUSTERMANN EREF+pay-de-0001 SVWZ+Bestellung 0001")
        .doesNotContain("DE02120300000000202051");
  }

  @Test
  void readsFinMessagesWithHeaderAndTrailerBlocks() {
    ParsedStatementFile file =
        parser.parse(Fixtures.bytes("mt940-fin-blocks-3-and-5-2025-03-14.sta"));

    assertThat(file.lines())
        .extracting(
            StatementLineDraft::paymentReference,
            StatementLineDraft::kind,
            d -> d.amount().minor(),
            d -> d.amount().currencyCode())
        .containsExactly(
            tuple("pay-gb-0001", LineKind.PAYMENT, 30000L, "GBP"),
            tuple("PAYOUT-0314", LineKind.PAYOUT, 120000L, "GBP"),
            tuple(null, LineKind.FEE, 500L, "GBP"));
  }

  @Test
  void readsLfAndCrlfAlike() {
    byte[] crlf = Fixtures.bytes("mt940-bank-preamble-crlf-2025-03-14.sta");
    byte[] lf =
        new String(crlf, StandardCharsets.UTF_8)
            .replace("\r\n", "\n")
            .getBytes(StandardCharsets.UTF_8);

    assertThat(parser.parse(lf).lines()).isEqualTo(parser.parse(crlf).lines());
  }

  @Test
  void refusesACurrencyTheInputPolicyDoesNotAcceptNamingTheBalanceField() {
    String mt =
        ":20:X\n:25:DE89\n:28C:1/1\n:60F:C250313XAU0,\n:61:2503140314C1,00NTRFpay-1\n"
            + ":62F:C250314XAU1,00\n";

    assertThatThrownBy(() -> parse(mt))
        .isInstanceOfSatisfying(
            MalformedStatementException.class,
            e -> {
              assertThat(e.reason())
                  .isEqualTo(MalformedStatementException.Reason.CURRENCY_NOT_ACCEPTED);
              assertThat(e.where()).isEqualTo("message 1 (line 1), field :60F: (line 4)");
            });
  }

  @Test
  void refusesUnknownTextBetweenMessagesNamingItsLine() {
    String mt =
        ":20:X\n:25:DE89\n:28C:1/1\n:60F:C250313EUR0,\n:62F:C250314EUR0,\n-\n"
            + "Kind regards, your bank\n:20:Y\n";

    assertThatThrownBy(() -> parse(mt))
        .isInstanceOf(MalformedStatementException.class)
        .hasMessageContaining("line 7");
  }

  @Test
  void refusesAnEndToEndReferenceLongerThanAPaymentId() {
    String mt =
        ":20:X\n:25:DE89\n:28C:1/1\n:60F:C250313EUR0,\n:61:2503140314C1,00NTRFNONREF\n"
            + ":86:/EREF/"
            + "r".repeat(65)
            + "\n:62F:C250314EUR1,00\n";

    assertThatThrownBy(() -> parse(mt))
        .hasMessageContaining("field :86: after :61: #1 (line 5)")
        .hasMessageContaining("65 characters long");
  }

  private ParsedStatementFile parse(String text) {
    return parser.parse(text.getBytes(StandardCharsets.UTF_8));
  }
}
