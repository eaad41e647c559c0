package com.paystream.gateway.statusquery;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.gateway.payments.PaymentStatus;
import org.junit.jupiter.api.Test;

class StatusMappingTest {

  @Test
  void mapsTheProvidersNamesCaseInsensitively() {
    assertThat(StatusMapping.map("SUCCEEDED")).contains(PaymentStatus.SUCCEEDED);
    assertThat(StatusMapping.map("succeeded")).contains(PaymentStatus.SUCCEEDED);
    assertThat(StatusMapping.map("canceled")).contains(PaymentStatus.CANCELLED);
    assertThat(StatusMapping.map("processing")).contains(PaymentStatus.PENDING);
  }

  @Test
  void anUnknownNameMapsToNothingRatherThanAGuess() {
    assertThat(StatusMapping.map("ON_HOLD")).isEmpty();
    assertThat(StatusMapping.map("")).isEmpty();
    assertThat(StatusMapping.map(null)).isEmpty();
  }

  @Test
  void onlyCreatedAndPendingAreOpen() {
    assertThat(PaymentStatus.values())
        .filteredOn(StatusMapping::isOpen)
        .containsExactly(PaymentStatus.CREATED, PaymentStatus.PENDING);
  }
}
