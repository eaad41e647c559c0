package com.paystream.gateway.auth.config;

import com.paystream.gateway.auth.persistence.ApiKeyRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** Stores the configured bootstrap keys that are not stored yet (after the migrations ran). */
@Component
@EnableConfigurationProperties(AuthProperties.class)
public class BootstrapKeys implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(BootstrapKeys.class);

  private final AuthProperties properties;
  private final ApiKeyRepository keys;
  private final Clock clock;

  public BootstrapKeys(AuthProperties properties, ApiKeyRepository keys, Clock clock) {
    this.properties = properties;
    this.keys = keys;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    Flux.fromIterable(properties.bootstrapKeys())
        .concatMap(
            key ->
                keys.insertIfAbsent(
                        key.keyId(),
                        HexFormat.of().parseHex(key.tokenSha256()),
                        key.role(),
                        Optional.ofNullable(key.merchantId()),
                        Optional.ofNullable(key.operator()),
                        clock.instant())
                    .doOnNext(
                        stored -> {
                          if (stored) {
                            log.info("Stored bootstrap API key {} ({})", key.keyId(), key.role());
                          }
                        }))
        .blockLast(Duration.ofSeconds(30));
  }
}
