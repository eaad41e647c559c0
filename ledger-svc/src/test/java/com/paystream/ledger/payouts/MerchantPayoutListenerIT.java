package com.paystream.ledger.payouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.paystream.ledger.accounts.persistence.AccountView;
import com.paystream.ledger.journal.persistence.EntryView;
import com.paystream.ledger.payouts.kafka.MerchantPayoutListener;
import com.paystream.schemas.common.Envelope;
import com.paystream.schemas.deadletter.DeadLetter;
import com.paystream.schemas.recon.Settlement;
import com.paystream.schemas.recon.SettlementKind;
import com.paystream.schemas.topics.Topics;
import com.paystream.security.testing.Callers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The bank's answers about merchant payouts, on the real broker and PostgreSQL:
 * recon.settlements.v1 read in the merchant payouts' own group, each settlement booked once however
 * often it comes, a record that can never apply dead-lettered with its reason while the next one is
 * booked.
 */
class MerchantPayoutListenerIT extends PayoutsTestBase {

  private String payoutId;

  @BeforeEach
  void aHeldPayoutOf1000() {
    approvedBankDetails();
    payoutId =
        (String)
            requestPayout(Callers.OPERATOR, 1_000, "k-" + UUID.randomUUID())
                .getBody()
                .get("payoutId");
    assertThat(payout(payoutId)).containsEntry("state", "HELD");
  }

  @Test
  void aConfirmationOfTheWholeAmountCapturesTheHoldToBankCash() {
    send(settlement(SettlementKind.MERCHANT_PAYOUT_CONFIRMED, payoutId, -1_000));

    awaitState("CAPTURED");
    Map<String, Object> payout = payout(payoutId);
    assertThat(payout).containsEntry("capturedMinor", 1_000);
    EntryView entry = captureEntry();
    assertThat(entry.entryType()).isEqualTo("SETTLEMENT");
    assertThat(entry.requestedBy()).isEqualTo(PayoutSettlements.ACTOR);
    assertThat(entry.postings())
        .extracting(
            EntryView.PostingView::accountCode,
            EntryView.PostingView::side,
            EntryView.PostingView::amountMinor)
        .containsExactly(
            Tuple.tuple(merchant, "DEBIT", 1_000L), Tuple.tuple("bank-cash:EUR", "CREDIT", 1_000L));
    assertThat(account())
        .extracting(
            AccountView::availableMinor, AccountView::frozenMinor, AccountView::balanceMinor)
        .containsExactly(8_850L, 0L, 8_850L);
    assertThat(
            count(
                "select count(*) from audit_record where actor = ? and target = ?"
                    + " and action = 'merchant-payout.confirm'",
                PayoutSettlements.ACTOR,
                payoutId))
        .isEqualTo(1);
  }

  @Test
  void aSmallerConfirmationCapturesWhatTheBankPaidAndReleasesTheRest() {
    send(settlement(SettlementKind.MERCHANT_PAYOUT_CONFIRMED, payoutId, -600));

    awaitState("PARTIALLY_CAPTURED");
    assertThat(payout(payoutId)).containsEntry("capturedMinor", 600);
    assertThat(captureEntry().postings())
        .extracting(EntryView.PostingView::amountMinor)
        .containsOnly(600L);
    assertThat(account())
        .extracting(
            AccountView::availableMinor, AccountView::frozenMinor, AccountView::balanceMinor)
        .containsExactly(9_250L, 0L, 9_250L);
  }

  @Test
  void aReturnBeforeTheConfirmationReleasesTheHold() {
    send(settlement(SettlementKind.MERCHANT_PAYOUT_RETURNED, payoutId, 1_000));

    awaitState("RELEASED");
    assertThat(account())
        .extracting(AccountView::availableMinor, AccountView::frozenMinor)
        .containsExactly(9_850L, 0L);
  }

  @Test
  void aReturnAfterTheCaptureBooksTheMoneyBackToTheMerchant() {
    send(settlement(SettlementKind.MERCHANT_PAYOUT_CONFIRMED, payoutId, -1_000));
    awaitState("CAPTURED");

    send(settlement(SettlementKind.MERCHANT_PAYOUT_RETURNED, payoutId, 1_000));

    awaitState("RETURNED");
    assertThat(payout(payoutId)).containsEntry("returnedMinor", 1_000);
    assertThat(account())
        .extracting(AccountView::availableMinor, AccountView::balanceMinor)
        .containsExactly(9_850L, 9_850L);
    assertThat(
            count(
                "select count(*) from journal_entry where entry_type = 'REVERSAL'"
                    + " and reverses_id = ?",
                captureEntry().entryId()))
        .isEqualTo(1);
  }

  @Test
  void aRedeliveredConfirmationChangesNothing() {
    Settlement confirmed = settlement(SettlementKind.MERCHANT_PAYOUT_CONFIRMED, payoutId, -1_000);
    send(confirmed);
    awaitState("CAPTURED");

    send(confirmed);
    send(confirmed);
    // Same key, same partition: once the return is booked, the copies before it were read.
    send(settlement(SettlementKind.MERCHANT_PAYOUT_RETURNED, payoutId, 1_000));
    awaitState("RETURNED");

    assertThat(
            count("select count(*) from merchant_payout_settlement where payout_id = ?", payoutId))
        .isEqualTo(2);
    assertThat(
            count(
                "select count(*) from audit_record where target = ?"
                    + " and action = 'merchant-payout.confirm'",
                payoutId))
        .isEqualTo(1);
    assertThat(deadLetters()).isEmpty();
    assertThat(account().balanceMinor()).isEqualTo(9_850L);
  }

  @Test
  void theSameRecordReadAgainIsADuplicate(@Autowired MerchantPayoutListener listener) {
    Settlement confirmed = settlement(SettlementKind.MERCHANT_PAYOUT_CONFIRMED, payoutId, -1_000);
    ConsumerRecord<byte[], byte[]> record =
        new ConsumerRecord<>(
            settlementsTopic(),
            0,
            9_999,
            payoutId.getBytes(StandardCharsets.UTF_8),
            encode(settlementsTopic(), confirmed));

    assertThat(listener.apply(record)).isInstanceOf(SettlementOutcome.Applied.class);
    assertThat(listener.apply(record)).isInstanceOf(SettlementOutcome.Duplicate.class);

    assertThat(payout(payoutId)).containsEntry("state", "CAPTURED");
    assertThat(account().balanceMinor()).isEqualTo(8_850L);
  }

  @Test
  void recordsThatCanNeverApplyAreDeadLetteredAndTheNextIsBooked() {
    sendRaw(settlementsTopic(), payoutId, "not avro".getBytes(StandardCharsets.UTF_8));
    send(settlement(SettlementKind.MERCHANT_PAYOUT_CONFIRMED, payoutId, -1_001));
    send(settlement(SettlementKind.MERCHANT_PAYOUT_CONFIRMED, "mpo_unknownunknownunknown", -5));
    send(settlement(SettlementKind.PROVIDER_PAYOUT, "po_sim_EUR_20261204", 12_345));
    send(settlement(SettlementKind.MERCHANT_PAYOUT_RETURNED, payoutId, 1_000));

    awaitState("RELEASED");
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                // The garbage and the unbalanced provider payout are dead-lettered once, by the
                // provider settlements' group; this group dead-letters its own refusals.
                assertThat(deadLetters())
                    .extracting(DeadLetter::getReasonCode)
                    .containsExactlyInAnyOrder(
                        "NOT_CONFLUENT_FRAMING",
                        "UNBALANCED",
                        "CONFIRMATION_EXCEEDS_HOLD",
                        "UNKNOWN_PAYOUT"));
    DeadLetter tooLarge =
        deadLetters().stream()
            .filter(d -> d.getReasonCode().equals("CONFIRMATION_EXCEEDS_HOLD"))
            .findFirst()
            .orElseThrow();
    assertThat(tooLarge.getReason()).contains("1001", payoutId, "1000");
    assertThat(tooLarge.getFailedBy()).isEqualTo("ledger-svc");
    assertThat(tooLarge.getRetryable()).isFalse();
    assertThat(tooLarge.getMessageId()).isNull();
    assertThat(
            count(
                "select count(*) from merchant_payout_settlement where outcome = 'DEAD_LETTERED'"
                    + " and source_topic = ?",
                settlementsTopic()))
        .isEqualTo(2);
    assertThat(count("select count(*) from merchant_payout_settlement where payout_id like 'po_%'"))
        .as("provider payouts are another group's")
        .isZero();
  }

  private void awaitState(String state) {
    await().atMost(DEADLINE).until(() -> state.equals(payout(payoutId).get("state")));
  }

  private EntryView captureEntry() {
    UUID holdId = UUID.fromString((String) payout(payoutId).get("holdId"));
    UUID entryId =
        jdbc.queryForObject(
            "select entry_id from hold_settlement where hold_id = ?", UUID.class, holdId);
    return http().get().uri("/v1/entries/{id}", entryId).retrieve().body(EntryView.class);
  }

  private List<DeadLetter> deadLetters() {
    return published(topics.deadLetters(), DeadLetter.class).stream()
        .filter(d -> d.getSourceTopic().equals(settlementsTopic()))
        .toList();
  }

  private String settlementsTopic() {
    return topics.names().name(Topics.RECON_SETTLEMENTS);
  }

  /** As reconciliation writes it: key the settlement id, value in Confluent wire format. */
  private void send(Settlement settlement) {
    sendRaw(
        settlementsTopic(), settlement.getSettlementId(), encode(settlementsTopic(), settlement));
  }

  private static Settlement settlement(SettlementKind kind, String id, long bankAmountMinor) {
    Instant now = Instant.now();
    return Settlement.newBuilder()
        .setEnvelope(
            Envelope.newBuilder()
                .setEventId(UUID.randomUUID())
                .setCausationId(id)
                .setOccurredAt(now)
                .setRecordedAt(now)
                .setTraceId("")
                .build())
        .setSettlementId(id)
        .setKind(kind)
        .setProvider(kind == SettlementKind.PROVIDER_PAYOUT ? "sim" : null)
        .setCurrency("EUR")
        .setBusinessDate(LocalDate.now())
        .setValueDate(LocalDate.now())
        .setBankAmountMinor(bankAmountMinor)
        .build();
  }
}
