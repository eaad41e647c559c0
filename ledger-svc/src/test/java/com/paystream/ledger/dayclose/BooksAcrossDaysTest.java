package com.paystream.ledger.dayclose;

import static com.paystream.ledger.support.Callbacks.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.ledger.accounts.AccountSpec;
import com.paystream.ledger.accounts.persistence.AccountView;
import com.paystream.ledger.accounts.persistence.BalanceAsOf;
import com.paystream.ledger.accounts.persistence.Statement;
import com.paystream.ledger.journal.persistence.EntryView;
import com.paystream.ledger.support.Commands;
import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.commands.PaymentCommand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * Commands, balances and the day close on the real broker and PostgreSQL, walking a hand-moved
 * clock across business dates (UTC, midnight cutoff). The steps build on each other, in order.
 */
@TestPropertySource(properties = "paystream.ledger.day-close.enabled=false")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BooksAcrossDaysTest extends DayCloseTestBase {

  private static final UUID CLEARING =
      UUID.fromString(AccountSpec.idOf("provider-clearing:simulator:EUR").value());
  private static final String PAYMENT = "pay-" + UUID.randomUUID();

  @Test
  @Order(1)
  void aRefundCommandDebitsTheMerchantAndCreditsClearing() {
    PaymentCallback payment = succeeded(PAYMENT, 10_000);
    send(payment);
    awaitProcessed(payment);
    PaymentCommand refund = Commands.refund(PAYMENT, 4_000);

    send(refund);
    awaitProcessed(refund.getCommandId());

    assertThat(entriesOf(PAYMENT))
        .extracting(EntryView::entryType)
        .containsExactly("PAYMENT", "REFUND");
    assertThat(account(MERCHANT).balanceMinor()).isEqualTo(9_850 - 4_000);
    assertThat(account(CLEARING).balanceMinor()).isEqualTo(10_000 - 4_000);
  }

  @Test
  @Order(2)
  void aRefundTheMerchantCannotCoverIsDeadLetteredAndPostsNothing() {
    // 6,000 left to refund, but the merchant holds only 5,850.
    PaymentCommand refund = Commands.refund(PAYMENT, 6_000);

    send(refund);
    awaitProcessed(refund.getCommandId());

    assertThat(outcomeOf(refund.getCommandId())).isEqualTo("DEAD_LETTERED:INSUFFICIENT_FUNDS");
    assertThat(account(MERCHANT).balanceMinor()).isEqualTo(5_850);
    assertThat(entriesOf(PAYMENT)).hasSize(2);
  }

  @Test
  @Order(3)
  void closingADateSnapshotsItWithABalancedTrialBalance() {
    clock.set(Instant.parse("2026-03-02T00:30:00Z"));

    DayStatus status = close("2026-03-01");

    assertThat(status.state()).isEqualTo(DayStatus.State.CLOSED);
    assertThat(status.trialBalance())
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.currency()).isEqualTo("EUR");
              assertThat(line.imbalanceMinor()).isZero();
              assertThat(line.debitBalancesMinor()).isEqualTo(6_000);
              assertThat(line.creditBalancesMinor()).isEqualTo(6_000);
            });
    assertThat(snapshotClosing(MERCHANT, "2026-03-01")).isEqualTo(5_850);
  }

  @Test
  @Order(4)
  void aLatePostingLandsOnTheNextOpenDateAndTheClosedDateDoesNotChange() {
    // An instance whose clock lags behind: it still thinks it is the 1st.
    clock.set(Instant.parse("2026-03-01T23:59:00Z"));
    PaymentCallback late = succeeded("pay-" + UUID.randomUUID(), 1_000);

    send(late);
    awaitProcessed(late);

    assertThat(entriesOf(late.getPaymentId()))
        .singleElement()
        .satisfies(e -> assertThat(e.effectiveDate()).hasToString("2026-03-02"));
    DayStatus first = status("2026-03-01");
    assertThat(first.trialBalance().get(0).debitBalancesMinor()).isEqualTo(6_000);
    assertThat(snapshotClosing(MERCHANT, "2026-03-01")).isEqualTo(5_850);
  }

  @Test
  @Order(5)
  void datesCloseInOrderAndOnlyAfterTheirCutoff() {
    clock.set(Instant.parse("2026-03-02T12:00:00Z"));

    assertThat(closeStatus("2026-03-02").value()).isEqualTo(409);
    assertThat(closeStatus("2026-03-04").value()).isEqualTo(409);
    assertThat(status("2026-03-02").state()).isEqualTo(DayStatus.State.OPEN);
  }

  @Test
  @Order(6)
  void anEarlyCloseIsRefusedUnlessEnabled() {
    // paystream.ledger.day-close.allow-early is false by default.
    ResponseEntity<String> refused =
        http()
            .post()
            .uri("/v1/days/{d}/close?early=true", "2026-03-02")
            .exchange(
                (req, res) ->
                    ResponseEntity.status(res.getStatusCode()).body(res.bodyTo(String.class)));

    assertThat(refused.getStatusCode().value()).isEqualTo(409);
    assertThat(refused.getBody()).contains("early close is not enabled");
    assertThat(status("2026-03-02").state()).isEqualTo(DayStatus.State.OPEN);
  }

  @Test
  @Order(7)
  void aStatementAcrossAClosedDateChainsItsBalancesPageByPage() {
    clock.set(Instant.parse("2026-03-03T00:10:00Z"));
    close("2026-03-02");

    List<Statement.Line> lines = new ArrayList<>();
    Statement page = statement(MERCHANT, "2026-03-01", "2026-03-02", null);
    assertThat(page.openingBalanceMinor()).isZero();
    long balance = page.openingBalanceMinor();
    while (true) {
      lines.addAll(page.lines());
      if (page.nextCursor() == null) {
        break;
      }
      page = statement(MERCHANT, "2026-03-01", "2026-03-02", page.nextCursor());
    }
    for (Statement.Line line : lines) {
      balance += line.side().equals("CREDIT") ? line.amountMinor() : -line.amountMinor();
      assertThat(line.balanceAfterMinor()).isEqualTo(balance);
    }
    assertThat(lines).extracting(Statement.Line::sequence).containsExactly(1L, 2L, 3L);
    assertThat(balance).isEqualTo(snapshotClosing(MERCHANT, "2026-03-02"));

    Statement secondDay = statement(MERCHANT, "2026-03-02", "2026-03-02", null);
    assertThat(secondDay.openingBalanceMinor()).isEqualTo(5_850);
    assertThat(secondDay.lines()).extracting(Statement.Line::sequence).containsExactly(3L);
  }

  @Test
  @Order(8)
  void balanceAsOfAnInstantIsTheBalanceAfterTheLastPostingBookedBefore() {
    assertThat(balanceAsOf(MERCHANT, "2026-03-01T09:00:00Z").balanceMinor()).isZero();
    assertThat(balanceAsOf(MERCHANT, "2026-03-01T23:00:00Z").balanceMinor()).isEqualTo(5_850);
    assertThat(balanceAsOf(MERCHANT, "2026-03-02T23:00:00Z").balanceMinor())
        .isEqualTo(account(MERCHANT).balanceMinor());
  }

  @Test
  @Order(9)
  void aStatementOfDatesAfterTheLastPostingOfAnOpenDayIsEmptyAtTheBalance() {
    // 2026-03-03 is open (no snapshot) and nothing is posted on 2026-03-04: no first sequence.
    PaymentCallback payment =
        PaymentCallback.newBuilder(succeeded("pay-" + UUID.randomUUID(), 2_000))
            .setMerchantId("m-quiet")
            .build();
    send(payment);
    awaitProcessed(payment);
    UUID quiet = UUID.fromString(AccountSpec.idOf("merchant:m-quiet:EUR").value());

    Statement after = statement(quiet, "2026-03-04", "2026-03-04", null);

    assertThat(after.lines()).isEmpty();
    assertThat(after.openingBalanceMinor()).isEqualTo(account(quiet).balanceMinor());
  }

  private DayStatus close(String date) {
    return http().post().uri("/v1/days/{d}/close", date).retrieve().body(DayStatus.class);
  }

  private HttpStatusCode closeStatus(String date) {
    return http()
        .post()
        .uri("/v1/days/{d}/close", date)
        .exchange((request, response) -> response.getStatusCode());
  }

  private AccountView account(UUID id) {
    return http().get().uri("/v1/accounts/{id}", id).retrieve().body(AccountView.class);
  }

  private Statement statement(UUID id, String from, String to, String cursor) {
    return http()
        .get()
        .uri(
            "/v1/accounts/{id}/statement?from={from}&to={to}&limit=1"
                + (cursor == null ? "" : "&cursor=" + cursor),
            id,
            from,
            to)
        .retrieve()
        .body(Statement.class);
  }

  private BalanceAsOf balanceAsOf(UUID id, String instant) {
    return http()
        .get()
        .uri("/v1/accounts/{id}/balance?asOf={at}", id, instant)
        .retrieve()
        .body(BalanceAsOf.class);
  }
}
