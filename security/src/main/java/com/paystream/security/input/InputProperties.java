package com.paystream.security.input;

import com.paystream.platform.input.AcceptedCurrency;
import com.paystream.platform.input.InputPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code paystream.input}: the limits of the input policy, the same in all four services unless a
 * deployment says otherwise. Unset values take {@link InputPolicy#defaults()}.
 *
 * <pre>
 * paystream.input.earliest=2000-01-01T00:00:00Z
 * paystream.input.latest=2100-01-01T00:00:00Z
 * paystream.input.longest-duration=P3660D
 * paystream.input.max-text=500
 * paystream.input.max-page-size=1000
 * paystream.input.currencies.EUR=1000000000   # accepted code = largest amount in minor units
 * paystream.input.currencies.JPY=10000000
 * </pre>
 *
 * Configuring {@code currencies} replaces the default list; a code without ISO 4217 minor units
 * (XXX, XTS, XAU and the other metals and funds) is refused at start-up.
 */
@ConfigurationProperties("paystream.input")
public record InputProperties(
    Instant earliest,
    Instant latest,
    Duration longestDuration,
    Integer maxText,
    Integer maxPageSize,
    Map<String, Long> currencies) {

  public InputPolicy policy() {
    InputPolicy defaults = InputPolicy.defaults();
    Map<String, AcceptedCurrency> accepted = defaults.currencies();
    if (currencies != null && !currencies.isEmpty()) {
      Map<String, AcceptedCurrency> configured = new LinkedHashMap<>();
      currencies.forEach((code, max) -> configured.put(code, AcceptedCurrency.of(code, max)));
      accepted = configured;
    }
    return new InputPolicy(
        earliest == null ? defaults.earliest() : earliest,
        latest == null ? defaults.latest() : latest,
        longestDuration == null ? defaults.longestDuration() : longestDuration,
        maxText == null ? defaults.maxText() : maxText,
        maxPageSize == null ? defaults.maxPageSize() : maxPageSize,
        accepted);
  }
}
