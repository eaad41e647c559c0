package com.paystream.local.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceApiInstancesTest {

  private final ServiceApi.Instances instances =
      new ServiceApi.Instances(
          new DayScenario.Services(
              List.of("http://127.0.0.1:8080", "http://127.0.0.1:8180"),
              List.of("http://127.0.0.1:8081"),
              List.of("http://127.0.0.1:8082", "http://127.0.0.1:8182"),
              List.of("http://127.0.0.1:8083")));

  @Test
  void requestsTakeTheInstancesInTurnAndFallBackToTheOthers() {
    URI payments = URI.create("http://127.0.0.1:8080/v1/payments?x=1");

    assertThat(instances.candidates(payments))
        .containsExactly(
            URI.create("http://127.0.0.1:8080/v1/payments?x=1"),
            URI.create("http://127.0.0.1:8180/v1/payments?x=1"));
    assertThat(instances.candidates(payments))
        .containsExactly(
            URI.create("http://127.0.0.1:8180/v1/payments?x=1"),
            URI.create("http://127.0.0.1:8080/v1/payments?x=1"));
  }

  @Test
  void aServiceWithOneInstanceAndAnUnknownAddressAreUsedAsTheyAre() {
    URI relay = URI.create("http://127.0.0.1:8081/v1/callbacks");
    URI elsewhere = URI.create("http://127.0.0.1:9999/x");

    assertThat(instances.candidates(relay)).containsExactly(relay);
    assertThat(instances.candidates(elsewhere)).containsExactly(elsewhere);
  }
}
