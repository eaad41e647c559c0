package com.paystream.ledger.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paystream.ledger.holds.expiry.*}: whether this instance releases holds past their deadline
 * ({@code enabled}), how often it looks ({@code check-interval}) and how many holds one transaction
 * releases ({@code batch-size}). Every instance may run it: they share the work (SKIP LOCKED).
 */
@ConfigurationProperties("paystream.ledger.holds.expiry")
public record HoldExpiryProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("30s") Duration checkInterval,
    @DefaultValue("100") int batchSize) {}
