package com.paystream.ledger.dayclose;

import static com.paystream.ledger.support.Callbacks.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.security.testing.Callers;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * Ending the business date early ("end of day now") on the real broker and PostgreSQL, with a
 * hand-moved clock (UTC, midnight cutoff) and the schedule's check called directly. The steps build
 * on each other, in order. That an early close is refused unless enabled is in {@link
 * BooksAcrossDaysTest}, which runs with the default configuration.
 */
@TestPropertySource(
    properties = {
      "paystream.ledger.day-close.enabled=false",
      "paystream.ledger.day-close.allow-early=true"
    })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DayCloseEarlyTest extends DayCloseTestBase {

  @Autowired private DayCloseService closes;
  @Autowired private MeterRegistry meters;

  @Test
  @Order(1)
  void withoutEarlyTheCurrentDateStillWaitsForItsCutoff() {
    PaymentCallback payment = succeeded("pay-" + UUID.randomUUID(), 10_000);
    send(payment);
    awaitProcessed(payment);

    ResponseEntity<String> refused = close("2026-03-01", false);

    assertThat(refused.getStatusCode().value()).isEqualTo(409);
    assertThat(refused.getBody()).contains("runs until 2026-03-02T00:00:00Z");
    assertThat(status("2026-03-01").state()).isEqualTo(DayStatus.State.OPEN);
  }

  @Test
  @Order(2)
  void tomorrowCannotCloseEarlyWhileTodayIsOpen() {
    ResponseEntity<String> refused = close("2026-03-02", true);

    assertThat(refused.getStatusCode().value()).isEqualTo(409);
    assertThat(refused.getBody()).contains("2026-03-02 has not begun");
    assertThat(status("2026-03-01").state()).isEqualTo(DayStatus.State.OPEN);
    assertThat(status("2026-03-02").state()).isEqualTo(DayStatus.State.OPEN);
  }

  @Test
  @Order(3)
  void anEarlyCloseEndsTodayWithABalancedTrialBalance() {
    clock.set(Instant.parse("2026-03-01T15:00:00Z"));

    DayStatus closed = closeEarly("2026-03-01");

    assertThat(closed.state()).isEqualTo(DayStatus.State.CLOSED);
    assertThat(closed.closedAt()).isEqualTo(Instant.parse("2026-03-01T15:00:00Z"));
    assertThat(closed.trialBalance())
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.currency()).isEqualTo("EUR");
              assertThat(line.imbalanceMinor()).isZero();
              assertThat(line.debitBalancesMinor()).isEqualTo(10_000);
              assertThat(line.creditBalancesMinor()).isEqualTo(10_000);
            });
    assertThat(snapshotClosing(MERCHANT, "2026-03-01")).isEqualTo(9_850);
  }

  @Test
  @Order(4)
  void closingAClosedDateAgainAnswersWithItsStatus() {
    clock.set(Instant.parse("2026-03-01T15:30:00Z"));

    ResponseEntity<String> plain = close("2026-03-01", false);
    // A closed date does not end early any more: no second operator is asked for.
    ResponseEntity<String> early = close("2026-03-01", true);
    DayStatus again = status("2026-03-01");

    assertThat(plain.getStatusCode().value()).isEqualTo(200);
    assertThat(early.getStatusCode().value()).as(early.getBody()).isEqualTo(200);
    assertThat(again.state()).isEqualTo(DayStatus.State.CLOSED);
    assertThat(again.closedAt()).isEqualTo(Instant.parse("2026-03-01T15:00:00Z"));
  }

  @Test
  @Order(4)
  void aDateBeforeTheFirstCloseIsCoveredByItAndAnswersWithItsStatus() {
    clock.set(Instant.parse("2026-03-01T15:30:00Z"));

    ResponseEntity<String> before = close("2026-02-20", false);

    assertThat(before.getStatusCode().value()).as(before.getBody()).isEqualTo(200);
    assertThat(before.getBody()).contains("\"state\":\"CLOSED\"", "2026-03-01T15:00:00Z");
  }

  @Test
  @Order(5)
  void aBookingAfterTheEarlyCloseLandsOnTheNextDateAndTheClosedDateDoesNotChange() {
    clock.set(Instant.parse("2026-03-01T16:00:00Z"));
    PaymentCallback later = succeeded("pay-" + UUID.randomUUID(), 1_000);

    send(later);
    awaitProcessed(later);

    assertThat(entriesOf(later.getPaymentId()))
        .singleElement()
        .satisfies(e -> assertThat(e.effectiveDate()).hasToString("2026-03-02"));
    DayStatus first = status("2026-03-01");
    assertThat(first.trialBalance().get(0).debitBalancesMinor()).isEqualTo(10_000);
    assertThat(snapshotClosing(MERCHANT, "2026-03-01")).isEqualTo(9_850);
  }

  @Test
  @Order(6)
  void theNextDateCannotCloseEarlyBeforeItHasBegun() {
    // 03-02 is the first open date now, but it is still the 1st on the clock.
    ResponseEntity<String> refused = close("2026-03-02", true);

    assertThat(refused.getStatusCode().value()).isEqualTo(409);
    assertThat(refused.getBody()).contains("2026-03-02 has not begun");
    assertThat(status("2026-03-02").state()).isEqualTo(DayStatus.State.OPEN);
  }

  @Test
  @Order(7)
  void theScheduleClosesTheNextDateOnlyAfterItsOwnCutoff() {
    clock.set(Instant.parse("2026-03-01T23:59:00Z"));
    assertThat(closes.closeDue()).isEmpty();

    clock.set(Instant.parse("2026-03-02T12:00:00Z"));
    assertThat(closes.closeDue()).isEmpty();
    assertThat(status("2026-03-02").state()).isEqualTo(DayStatus.State.OPEN);
    assertThat(overdueSeconds()).as("03-02 runs until midnight").isZero();

    clock.set(Instant.parse("2026-03-03T00:05:00Z"));
    assertThat(overdueSeconds()).as("03-02 waits for its close since midnight").isEqualTo(300);
    assertThat(closes.closeDue())
        .singleElement()
        .isInstanceOfSatisfying(
            CloseResult.Closed.class,
            closed -> {
              assertThat(closed.status().businessDate()).hasToString("2026-03-02");
              assertThat(closed.status().trialBalance().get(0).debitBalancesMinor())
                  .isEqualTo(11_000);
              assertThat(closed.status().trialBalance().get(0).imbalanceMinor()).isZero();
            });
    assertThat(overdueSeconds()).as("03-03 runs until its own midnight").isZero();
  }

  private double overdueSeconds() {
    return meters.get("ledger.day_close.overdue").gauge().value();
  }

  @Test
  @Order(8)
  void anEarlyCloseInterruptedBetweenItsStepsIsFinishedByTheNextCheck() {
    clock.set(Instant.parse("2026-03-03T09:00:00Z"));
    // The first step of an early close of the 3rd, as if the instance died right after it.
    jdbc.update("update ledger_calendar set last_closed_date = date '2026-03-03'");
    assertThat(status("2026-03-03").state()).isEqualTo(DayStatus.State.CLOSING);

    List<CloseResult> results = closes.closeDue();

    assertThat(results)
        .singleElement()
        .isInstanceOfSatisfying(
            CloseResult.Closed.class,
            closed -> {
              assertThat(closed.status().businessDate()).hasToString("2026-03-03");
              assertThat(closed.status().state()).isEqualTo(DayStatus.State.CLOSED);
            });
    assertThat(closes.closeDue()).isEmpty();
  }

  private ResponseEntity<String> close(String date, boolean early) {
    return http()
        .post()
        .uri("/v1/days/{d}/close?early={early}", date, early)
        .exchange(
            (req, res) ->
                ResponseEntity.status(res.getStatusCode()).body(res.bodyTo(String.class)));
  }

  /**
   * An early close needs a second operator: asked by one (nothing closes yet), approved by the
   * other (the date closes in the approval's transaction); the audit trail names both.
   */
  private DayStatus closeEarly(String date) {
    var requested = postAs(Callers.OPERATOR, "/v1/days/" + date + "/close?early=true", null);
    assertThat(requested.getStatusCode().value()).as("%s", requested.getBody()).isEqualTo(202);
    assertThat(requested.getBody()).containsEntry("action", "day.close-early");
    assertThat(status(date).state()).isEqualTo(DayStatus.State.OPEN);
    var approved =
        postAs(
            Callers.OPERATOR2,
            "/v1/approvals/" + requested.getBody().get("approvalId") + "/approve",
            null);
    assertThat(approved.getStatusCode().value()).as("%s", approved.getBody()).isEqualTo(200);
    assertThat(
            count(
                "select count(*) from audit_record where target = ? and action = 'day.close-early'"
                    + " and ((outcome = 'REQUESTED' and actor = 'operator:olga')"
                    + " or (outcome = 'APPROVED' and actor = 'operator:oscar'))",
                date))
        .isEqualTo(2);
    return status(date);
  }
}
