package com.paystream.relay.delivery;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the relay delivers: {@code redeliverySchedule} is the wait for a confirmation after each
 * publication (its length is the number of publications before dead-lettering).
 */
@ConfigurationProperties("paystream.relay")
public record DeliveryProperties(
    List<Duration> redeliverySchedule, int batchSize, Duration pollInterval) {}
