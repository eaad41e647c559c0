package com.paystream.ledger.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paystream.topics.*}: the catalogue's topic names behind an optional {@code prefix} (tests
 * use a unique one per class), whether the service creates them at startup, and with which
 * replication factor (1 for the local single broker; 3 in a real cluster).
 */
@ConfigurationProperties("paystream.topics")
public record TopicProperties(
    @DefaultValue("") String prefix,
    @DefaultValue("true") boolean create,
    @DefaultValue("1") short replicationFactor) {}
