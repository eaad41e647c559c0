package com.paystream.recon.statements.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.paystream.recon.matching.Direction;
import com.paystream.recon.statements.Fixtures;
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

  private ParsedStatementFile parse(String text) {
    return parser.parse(text.getBytes(StandardCharsets.UTF_8));
  }
}
