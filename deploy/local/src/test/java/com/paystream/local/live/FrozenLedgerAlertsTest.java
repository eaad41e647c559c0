package com.paystream.local.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrozenLedgerAlertsTest {

  private static PrometheusApi.Alert alert(String name, String state) {
    return new PrometheusApi.Alert(name, state, Map.of("alertname", name));
  }

  @Test
  void waitsWhileTheExpectedAlertIsOnlyPending() {
    assertThat(
            FrozenLedgerAlerts.judge(
                List.of(
                    alert("CallbackUnconfirmedTooLong", "pending"),
                    alert("ServiceDown", "firing"))))
        .isEqualTo(FrozenLedgerAlerts.Verdict.WAITING);
  }

  @Test
  void firedOnceTheOldestUnconfirmedCallbackAlertFires() {
    assertThat(FrozenLedgerAlerts.judge(List.of(alert("CallbackUnconfirmedTooLong", "firing"))))
        .isEqualTo(FrozenLedgerAlerts.Verdict.FIRED);
  }

  @Test
  void aPendingTrialBalanceImbalanceIsAlreadyWrong() {
    assertThat(
            FrozenLedgerAlerts.judge(
                List.of(
                    alert("CallbackUnconfirmedTooLong", "firing"),
                    alert("TrialBalanceImbalance", "pending"))))
        .isEqualTo(FrozenLedgerAlerts.Verdict.WRONG_ALERT);
  }
}
