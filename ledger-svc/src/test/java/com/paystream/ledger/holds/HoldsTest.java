package com.paystream.ledger.holds;

import static com.paystream.ledger.support.Callbacks.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.paystream.ledger.accounts.AccountSpec;
import com.paystream.ledger.accounts.persistence.AccountView;
import com.paystream.ledger.audit.AuditTrail;
import com.paystream.ledger.journal.persistence.EntryView;
import com.paystream.ledger.support.Commands;
import com.paystream.ledger.support.LedgerServiceTest;
import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.commands.PaymentCommand;
import com.paystream.security.testing.Callers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Holds reserve available money; capture pays it out (all of it, or part with the rest released)
 * with an entry, release gives it back, and a hold past its deadline is released by the system
 * exactly once, however many expirers race for it.
 */
// The schedule is off: the tests run the expiry themselves, and would race it.
@TestPropertySource(properties = "paystream.ledger.holds.expiry.enabled=false")
class HoldsTest extends LedgerServiceTest {

  private static final String CLEARING = "provider-clearing:simulator:EUR";

  private String merchant;
  private String paymentId;

  @BeforeEach
  void aMerchantWith9850Available() {
    String merchantId = "m-" + UUID.randomUUID().toString().substring(0, 8);
    merchant = "merchant:" + merchantId + ":EUR";
    paymentId = "pay-" + UUID.randomUUID();
    PaymentCallback payment =
        PaymentCallback.newBuilder(succeeded(paymentId, 10_000)).setMerchantId(merchantId).build();
    send(payment);
    awaitProcessed(payment);
  }

  @Test
  void aHoldFreezesAvailableMoneyAndARefundCannotSpendIt() {
    ResponseEntity<HoldView> placed = place(UUID.randomUUID(), 5_000);

    assertThat(placed.getStatusCode().value()).isEqualTo(201);
    assertThat(placed.getBody().state()).isEqualTo("HELD");
    assertThat(account())
        .extracting(
            AccountView::availableMinor, AccountView::frozenMinor, AccountView::balanceMinor)
        .containsExactly(4_850L, 5_000L, 9_850L);
    PaymentCommand refund =
        PaymentCommand.newBuilder(Commands.refund(paymentId, 6_000))
            .setMerchantId(merchant.split(":")[1])
            .build();
    send(refund);
    awaitProcessed(refund.getCommandId());
    assertThat(outcomeOf(refund.getCommandId())).isEqualTo("DEAD_LETTERED:INSUFFICIENT_FUNDS");
  }

  @Test
  void aHoldBeyondTheAvailableBalanceIsRefused() {
    place(UUID.randomUUID(), 9_000);

    ResponseEntity<String> second = placeRaw(UUID.randomUUID(), 1_000);

    assertThat(second.getStatusCode().value()).isEqualTo(422);
    assertThat(second.getHeaders().getContentType().toString())
        .isEqualTo("application/problem+json");
    assertThat(second.getBody())
        .contains("\"code\":\"INSUFFICIENT_FUNDS\"", "\"reason\":\"insufficient-funds\"");
  }

  @Test
  void aHoldPaidToTheAccountItHoldsIsRefusedAndHoldsNothing() {
    Map<String, Object> againstItself = new java.util.HashMap<>(request(UUID.randomUUID(), 1_000));
    againstItself.put("counterAccountCode", merchant);
    long holds = count("select count(*) from hold");

    ResponseEntity<String> refused = placeRaw(againstItself);

    assertThat(refused.getStatusCode().value()).isEqualTo(422);
    assertThat(refused.getBody()).contains("\"reason\":\"same-account\"");
    assertThat(count("select count(*) from hold")).isEqualTo(holds);
    assertThat(account().frozenMinor()).isZero();
  }

  @Test
  void aCurrencyOutsideTheAllowListIsRefusedNamingTheCurrency() {
    Map<String, Object> gold = new java.util.HashMap<>(request(UUID.randomUUID(), 1_000));
    gold.put("currency", "XAU");

    ResponseEntity<String> refused = placeRaw(gold);

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody())
        .contains("\"reason\":\"currency-not-accepted\"", "\"field\":\"currency\"");
  }

  @Test
  void aFractionalAmountIsRefusedRatherThanHeldTruncated() {
    Map<String, Object> fractional = new java.util.HashMap<>(request(UUID.randomUUID(), 1));
    fractional.put("amountMinor", new java.math.BigDecimal("1.5"));

    ResponseEntity<String> refused = placeRaw(fractional);

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody())
        .contains("\"reason\":\"not-an-integer\"", "\"field\":\"amountMinor\"");
    assertThat(account().frozenMinor()).isZero();
  }

  @Test
  void placingTheSameHoldTwiceHoldsOnce() {
    UUID holdId = UUID.randomUUID();
    place(holdId, 2_000);

    ResponseEntity<HoldView> again = place(holdId, 2_000);

    assertThat(again.getStatusCode().value()).isEqualTo(200);
    assertThat(account().frozenMinor()).isEqualTo(2_000);
  }

  @Test
  void releaseGivesTheMoneyBack() {
    UUID holdId = UUID.randomUUID();
    place(holdId, 5_000);

    HoldView released = post("/v1/holds/{id}/release", holdId).getBody();

    assertThat(released.state()).isEqualTo("RELEASED");
    assertThat(account())
        .extracting(AccountView::availableMinor, AccountView::frozenMinor)
        .containsExactly(9_850L, 0L);
    ResponseEntity<String> capture = postRaw("/v1/holds/{id}/capture", holdId);
    assertThat(capture.getStatusCode().value()).isEqualTo(409);
    assertThat(capture.getBody()).contains("\"reason\":\"hold-released\"");
  }

  @Test
  void captureBooksASettlementEntryFromTheHeldAccountToTheCounterAccount() {
    UUID holdId = UUID.randomUUID();
    place(holdId, 3_000);

    // Captures need a second operator (four eyes; FourEyesHoldCaptureTest pins the rules).
    requestedAndApproved("/v1/holds/" + holdId + "/capture");
    HoldView captured = http().get().uri("/v1/holds/{id}", holdId).retrieve().body(HoldView.class);

    assertThat(captured.state()).isEqualTo("CAPTURED");
    EntryView entry =
        http()
            .get()
            .uri("/v1/entries/{id}", captured.captureEntryId())
            .retrieve()
            .body(EntryView.class);
    assertThat(entry.entryType()).isEqualTo("SETTLEMENT");
    assertThat(entry.sourceType()).isEqualTo("OPERATOR");
    assertThat(entry.requestedBy()).isEqualTo("operator:olga");
    assertThat(entry.approvedBy()).isEqualTo("operator:oscar");
    assertThat(entry.postings())
        .extracting(
            EntryView.PostingView::accountCode,
            EntryView.PostingView::side,
            EntryView.PostingView::amountMinor)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(merchant, "DEBIT", 3_000L),
            org.assertj.core.groups.Tuple.tuple(CLEARING, "CREDIT", 3_000L));
    assertThat(account())
        .extracting(
            AccountView::availableMinor, AccountView::frozenMinor, AccountView::balanceMinor)
        .containsExactly(6_850L, 0L, 6_850L);
    assertThat(post("/v1/holds/{id}/capture", holdId).getBody().captureEntryId())
        .isEqualTo(captured.captureEntryId());
    ResponseEntity<String> release = postRaw("/v1/holds/{id}/release", holdId);
    assertThat(release.getStatusCode().value()).isEqualTo(409);
    assertThat(release.getBody()).contains("\"reason\":\"hold-captured\"");
  }

  @Test
  void aPartialCaptureBooksThePartAndReleasesTheRestInOneGo() {
    UUID holdId = UUID.randomUUID();
    place(holdId, 3_000);

    ResponseEntity<Map<String, Object>> requested =
        postAs(Callers.OPERATOR, "/v1/holds/" + holdId + "/capture", Map.of("amountMinor", 1_200));
    assertThat(requested.getStatusCode().value()).isEqualTo(202);
    ResponseEntity<Map<String, Object>> approved =
        postAs(
            Callers.OPERATOR2,
            "/v1/approvals/" + requested.getBody().get("approvalId") + "/approve",
            null);
    assertThat(approved.getStatusCode().value()).isEqualTo(200);

    HoldView hold = http().get().uri("/v1/holds/{id}", holdId).retrieve().body(HoldView.class);
    assertThat(hold.state()).isEqualTo("PARTIALLY_CAPTURED");
    assertThat(hold.capturedMinor()).isEqualTo(1_200);
    assertThat(hold.settledBy()).isEqualTo("operator:olga");
    EntryView entry =
        http()
            .get()
            .uri("/v1/entries/{id}", hold.captureEntryId())
            .retrieve()
            .body(EntryView.class);
    assertThat(entry.entryType()).isEqualTo("SETTLEMENT");
    assertThat(entry.postings())
        .extracting(EntryView.PostingView::accountCode, EntryView.PostingView::amountMinor)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(merchant, 1_200L),
            org.assertj.core.groups.Tuple.tuple(CLEARING, 1_200L));
    assertThat(account())
        .extracting(
            AccountView::availableMinor, AccountView::frozenMinor, AccountView::balanceMinor)
        .containsExactly(8_650L, 0L, 8_650L);
  }

  @Test
  void aCaptureAboveTheHoldIsRefusedAndChangesNothing(@Autowired HoldService holds) {
    UUID holdId = UUID.randomUUID();
    place(holdId, 3_000);

    HoldResult result = holds.capture(holdId, 3_001L, "operator:olga", "operator:oscar");

    assertThat(result)
        .isInstanceOfSatisfying(
            HoldResult.Refused.class,
            refused -> assertThat(refused.code()).isEqualTo("CAPTURE_EXCEEDS_HOLD"));
    assertThat(holds.find(holdId).orElseThrow().state()).isEqualTo("HELD");
    assertThat(account().frozenMinor()).isEqualTo(3_000);
  }

  @Test
  void aHoldPastItsDeadlineIsReleasedBySystemAndAudited(@Autowired HoldExpiry expiry) {
    UUID holdId = UUID.randomUUID();
    Instant deadline = Instant.now().plusMillis(300);
    Map<String, Object> body = new java.util.HashMap<>(request(holdId, 4_000));
    body.put("expiresAt", deadline.toString());
    assertThat(placeRaw(body).getStatusCode().value()).isEqualTo(201);
    assertThat(expiry.releaseDue()).doesNotContain(holdId);

    await().atMost(DEADLINE).until(() -> expiry.releaseDue().contains(holdId));

    HoldView hold = http().get().uri("/v1/holds/{id}", holdId).retrieve().body(HoldView.class);
    assertThat(hold.state()).isEqualTo("RELEASED");
    assertThat(hold.settledBy()).isEqualTo(HoldExpiry.ACTOR);
    assertThat(account().frozenMinor()).isZero();
    assertThat(
            count(
                "select count(*) from audit_record where actor = ? and action = 'hold.expire'"
                    + " and target = ? and outcome = 'ACCEPTED'",
                HoldExpiry.ACTOR,
                holdId.toString()))
        .isEqualTo(1);
    assertThat(expiry.releaseDue()).doesNotContain(holdId);
  }

  @Test
  void aDeadlineInThePastIsRefused() {
    Map<String, Object> body = new java.util.HashMap<>(request(UUID.randomUUID(), 1_000));
    body.put("expiresAt", Instant.now().minusSeconds(1).toString());

    ResponseEntity<String> refused = placeRaw(body);

    assertThat(refused.getStatusCode().value()).isEqualTo(422);
    assertThat(refused.getBody()).contains("\"reason\":\"expiry-not-in-future\"");
  }

  @Test
  void twoExpirersRacingReleaseEveryDueHoldExactlyOnce(
      @Autowired HoldService holds,
      @Autowired AuditTrail audit,
      @Autowired PlatformTransactionManager transactions)
      throws Exception {
    List<UUID> due = new ArrayList<>();
    Instant deadline = Instant.now().plusSeconds(5);
    for (int i = 0; i < 24; i++) {
      UUID holdId = UUID.randomUUID();
      Map<String, Object> body = new java.util.HashMap<>(request(holdId, 100));
      body.put("expiresAt", deadline.toString());
      assertThat(placeRaw(body).getStatusCode().value()).isEqualTo(201);
      due.add(holdId);
    }
    await().atMost(DEADLINE).until(() -> Instant.now().isAfter(deadline.plusMillis(50)));
    // Small rounds, so the two interleave over many transactions.
    HoldExpiry first =
        new HoldExpiry(
            new TransactionTemplate(transactions), holds, audit, java.time.Clock.systemUTC(), 3);
    HoldExpiry second =
        new HoldExpiry(
            new TransactionTemplate(transactions), holds, audit, java.time.Clock.systemUTC(), 3);
    CountDownLatch start = new CountDownLatch(1);
    CompletableFuture<List<UUID>> a =
        CompletableFuture.supplyAsync(() -> awaitThen(start, first::releaseDue));
    CompletableFuture<List<UUID>> b =
        CompletableFuture.supplyAsync(() -> awaitThen(start, second::releaseDue));
    start.countDown();

    List<UUID> all = new ArrayList<>(a.get(30, TimeUnit.SECONDS));
    all.addAll(b.get(30, TimeUnit.SECONDS));

    assertThat(all).containsAll(due);
    assertThat(all).doesNotHaveDuplicates();
    for (UUID holdId : due) {
      assertThat(count("select count(*) from hold_settlement where hold_id = ?", holdId))
          .isEqualTo(1);
      assertThat(
              count(
                  "select count(*) from audit_record where action = 'hold.expire' and target = ?",
                  holdId.toString()))
          .isEqualTo(1);
    }
    assertThat(account().frozenMinor()).isZero();
    assertThat(account().availableMinor()).isEqualTo(9_850L);
  }

  private static <T> T awaitThen(CountDownLatch start, java.util.function.Supplier<T> work) {
    try {
      start.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return work.get();
  }

  @Test
  void anUnknownHoldIsNotFound() {
    ResponseEntity<String> capture = postRaw("/v1/holds/{id}/capture", UUID.randomUUID());

    assertThat(capture.getStatusCode().value()).isEqualTo(404);
    assertThat(capture.getBody()).contains("\"reason\":\"unknown-hold\"");
  }

  @Test
  void aHoldOnAnUnknownAccountIsNotFound() {
    Map<String, Object> unknown = new java.util.HashMap<>(request(UUID.randomUUID(), 1_000));
    unknown.put("accountCode", "merchant:nobody:EUR");

    ResponseEntity<String> refused = placeRaw(unknown);

    assertThat(refused.getStatusCode().value()).isEqualTo(404);
    assertThat(refused.getBody()).contains("\"reason\":\"unknown-account\"");
  }

  private AccountView account() {
    return http()
        .get()
        .uri("/v1/accounts/{id}", AccountSpec.idOf(merchant))
        .retrieve()
        .body(AccountView.class);
  }

  private ResponseEntity<HoldView> place(UUID holdId, long amountMinor) {
    return http()
        .post()
        .uri("/v1/holds")
        .body(request(holdId, amountMinor))
        .retrieve()
        .toEntity(HoldView.class);
  }

  private ResponseEntity<String> placeRaw(UUID holdId, long amountMinor) {
    return placeRaw(request(holdId, amountMinor));
  }

  private ResponseEntity<String> placeRaw(Map<String, Object> body) {
    return http()
        .post()
        .uri("/v1/holds")
        .body(body)
        .exchange(
            (req, res) ->
                ResponseEntity.status(res.getStatusCode())
                    .headers(res.getHeaders())
                    .body(res.bodyTo(String.class)));
  }

  private Map<String, Object> request(UUID holdId, long amountMinor) {
    return Map.of(
        "holdId", holdId,
        "accountCode", merchant,
        "counterAccountCode", CLEARING,
        "amountMinor", amountMinor,
        "currency", "EUR",
        "reason", "payout");
  }

  private ResponseEntity<HoldView> post(String uri, UUID holdId) {
    return http().post().uri(uri, holdId).retrieve().toEntity(HoldView.class);
  }

  private ResponseEntity<String> postRaw(String uri, UUID holdId) {
    return http()
        .post()
        .uri(uri, holdId)
        .exchange(
            (req, res) ->
                ResponseEntity.status(res.getStatusCode()).body(res.bodyTo(String.class)));
  }
}
