package com.paystream.ledger.booking;

import static com.paystream.ledger.support.Callbacks.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.paystream.ledger.journal.persistence.EntryView;
import com.paystream.ledger.support.Commands;
import com.paystream.ledger.support.LedgerServiceTest;
import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.commands.PaymentCommand;
import com.paystream.schemas.deadletter.DeadLetter;
import com.paystream.security.testing.Callers;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

/**
 * A command that overtakes its payment's callback (they travel on different topics) is parked and
 * applied when the payment is booked, as if it had arrived after it. Each test waits until the
 * ledger has answered the command "not booked yet" (its retryable dead letter) before it sends the
 * callback, so the command is read first.
 */
class CommandBeforeItsPaymentTest extends LedgerServiceTest {

  @Test
  void aRefundReadBeforeItsPaymentIsBookedOnceAfterIt() {
    String paymentId = "pay-" + UUID.randomUUID();
    PaymentCommand refund = Commands.refund(paymentId, 4_000);
    send(refund);
    awaitNotBookedYet(refund, 1);

    send(succeeded(paymentId, 10_000));

    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(entriesOf(paymentId))
                    .extracting(EntryView::entryType)
                    .containsExactly("PAYMENT", "REFUND"));
    assertThat(outcomeOf(refund.getCommandId())).isEqualTo("POSTED");
    assertThat(currenciesWhoseTrialBalanceIsNotZero()).isZero();
    assertThat(verification()).containsEntry("valid", true);
  }

  @Test
  void aRefundDeliveredTwiceWhileParkedIsAppliedOnce() {
    String paymentId = "pay-" + UUID.randomUUID();
    PaymentCommand refund = Commands.refund(paymentId, 2_500);
    send(refund);
    awaitNotBookedYet(refund, 1);
    send(refund);
    // Same key, same partition, read after the re-delivery: once it is processed, so was that.
    PaymentCommand cancellation = Commands.cancellation(paymentId);
    send(cancellation);
    awaitProcessed(cancellation.getCommandId());

    PaymentCallback payment = succeeded(paymentId, 10_000);
    send(payment);
    awaitProcessed(payment);
    awaitProcessed(refund.getCommandId());
    send(refund);
    // Read after the third delivery (same partition): once it is applied, so was that.
    PaymentCommand next = Commands.refund(paymentId, 1_000);
    send(next);
    awaitProcessed(next.getCommandId());

    assertThat(entriesOf(paymentId))
        .extracting(EntryView::entryType)
        .containsExactly("PAYMENT", "REFUND", "REFUND");
    assertThat(
            count(
                "select count(*) from journal_entry where source_event_id = ?",
                refund.getCommandId()))
        .isEqualTo(1);
    assertThat(
            count(
                "select count(*) from parked_command where source_event_id = ?",
                refund.getCommandId()))
        .isEqualTo(1);
  }

  /** The ledger's answer to a command whose payment it has not booked: a retryable dead letter. */
  private void awaitNotBookedYet(PaymentCommand command, int times) {
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(published(topics.deadLetters(), DeadLetter.class))
                    .filteredOn(d -> command.getCommandId().toString().equals(d.getMessageId()))
                    .hasSize(times)
                    .allSatisfy(
                        d -> {
                          assertThat(d.getReasonCode()).isEqualTo("PAYMENT_NOT_BOOKED");
                          assertThat(d.getRetryable()).isTrue();
                        }));
  }

  private long currenciesWhoseTrialBalanceIsNotZero() {
    return count(
        "select count(*) from (select currency, sum(case when type in ('ASSET', 'EXPENSE')"
            + " then available_minor + frozen_minor else -(available_minor + frozen_minor) end) t"
            + " from account group by currency) x where t <> 0");
  }

  private Map<String, Object> verification() {
    return http(Callers.AUDITOR)
        .get()
        .uri("/v1/journal/verification")
        .retrieve()
        .body(new ParameterizedTypeReference<Map<String, Object>>() {});
  }
}
