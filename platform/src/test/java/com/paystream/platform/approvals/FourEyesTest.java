package com.paystream.platform.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paystream.platform.approvals.ApprovalDecision.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FourEyesTest {

  private static final Instant AT = Instant.parse("2026-12-05T09:00:00Z");
  private final ApprovalRequest request =
      new ApprovalRequest(
          UUID.randomUUID(),
          "hold.capture",
          "hold-1",
          "{}",
          5_000,
          "EUR",
          "payout",
          "operator:alice",
          AT,
          AT.plus(Duration.ofHours(24)));

  @Test
  void aSecondOperatorApprovesOrRejects() {
    for (Verdict verdict : new Verdict[] {Verdict.APPROVED, Verdict.REJECTED}) {
      FourEyes.Outcome outcome =
          FourEyes.decide(
              request, Optional.empty(), "operator:bob", verdict, "ok", AT.plusSeconds(5));
      assertThat(outcome)
          .isEqualTo(
              new FourEyes.Decided(
                  new ApprovalDecision(
                      request.requestId(), verdict, "operator:bob", AT.plusSeconds(5), "ok")));
    }
  }

  @Test
  void theRequesterCannotDecideItsOwnRequest() {
    assertThat(
            FourEyes.decide(
                request,
                Optional.empty(),
                "operator:alice",
                Verdict.APPROVED,
                "",
                AT.plusSeconds(1)))
        .isEqualTo(new FourEyes.Refused(FourEyes.Refusal.SELF_APPROVAL, Optional.empty()));
  }

  @Test
  void aDecidedRequestStaysDecided() {
    ApprovalDecision rejected =
        new ApprovalDecision(request.requestId(), Verdict.REJECTED, "operator:bob", AT, "no");
    assertThat(
            FourEyes.decide(
                request, Optional.of(rejected), "operator:carol", Verdict.APPROVED, "", AT))
        .isEqualTo(new FourEyes.Refused(FourEyes.Refusal.ALREADY_DECIDED, Optional.empty()));
  }

  @Test
  void anExpiredRequestCanOnlyExpire() {
    Instant late = request.expiresAt();
    FourEyes.Outcome outcome =
        FourEyes.decide(request, Optional.empty(), "operator:bob", Verdict.APPROVED, "", late);
    assertThat(outcome).isInstanceOf(FourEyes.Refused.class);
    FourEyes.Refused refused = (FourEyes.Refused) outcome;
    assertThat(refused.refusal()).isEqualTo(FourEyes.Refusal.EXPIRED);
    assertThat(refused.expiry())
        .hasValueSatisfying(
            expiry -> {
              assertThat(expiry.verdict()).isEqualTo(Verdict.EXPIRED);
              assertThat(expiry.decidedAt()).isEqualTo(request.expiresAt());
            });
    assertThat(
            FourEyes.decide(
                request,
                refused.expiry(),
                "operator:bob",
                Verdict.APPROVED,
                "",
                late.plusSeconds(1)))
        .isEqualTo(new FourEyes.Refused(FourEyes.Refusal.EXPIRED, Optional.empty()));
    assertThatThrownBy(
            () ->
                FourEyes.decide(request, Optional.empty(), "operator:bob", Verdict.EXPIRED, "", AT))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void thePolicyAsksForASecondOperatorFromItsThreshold() {
    ApprovalPolicy policy =
        new ApprovalPolicy(
            Duration.ofHours(24), Map.of("payment.amend", 0L, "break.resolve", 10_000L));
    assertThat(policy.needsSecondOperator("payment.amend", 0)).isTrue();
    assertThat(policy.needsSecondOperator("break.resolve", 9_999)).isFalse();
    assertThat(policy.needsSecondOperator("break.resolve", -10_000)).isTrue();
    assertThat(policy.needsSecondOperator("hold.place", 1_000_000)).isFalse();
    assertThatThrownBy(() -> new ApprovalPolicy(Duration.ZERO, Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
