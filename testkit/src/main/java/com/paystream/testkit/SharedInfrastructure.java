package com.paystream.testkit;

import com.paystream.testkit.kafka.KafkaBroker;
import com.paystream.testkit.postgres.Postgres;
import java.security.SecureRandom;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Kafka broker and the one PostgreSQL server of this JVM, started on first use and stopped
 * when the JVM exits. Tests isolate themselves by name ({@link #uniqueName}), not by server: a
 * broker start costs seconds, a topic or database milliseconds.
 *
 * <p>For Spring Boot tests:
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry registry) {
 *   registry.add("spring.kafka.bootstrap-servers", () -> SharedInfrastructure.kafka().bootstrapServers());
 *   DatabaseCoordinates db = SharedInfrastructure.postgres().createDatabase(SharedInfrastructure.uniqueName("ledger"));
 *   registry.add("spring.datasource.url", db::jdbcUrl);
 *   registry.add("spring.datasource.username", () -> db.runtime().username());
 *   registry.add("spring.datasource.password", () -> db.runtime().password());
 *   registry.add("spring.flyway.user", () -> db.owner().username());
 *   registry.add("spring.flyway.password", () -> db.owner().password());
 * }
 * }</pre>
 */
public final class SharedInfrastructure {

  private static final Logger log = LoggerFactory.getLogger(SharedInfrastructure.class);
  private static final int MAX_PREFIX_LENGTH = 50;
  private static final int SUFFIX_LENGTH = 8;
  private static final String SUFFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private static KafkaBroker kafka;
  private static Postgres postgres;
  private static boolean shutdownHookAdded;

  private SharedInfrastructure() {}

  /** The broker of this JVM, started on first call. */
  public static synchronized KafkaBroker kafka() {
    if (kafka == null) {
      addShutdownHookOnce();
      kafka = KafkaBroker.start(null);
    }
    return kafka;
  }

  /** The PostgreSQL server of this JVM, started on first call. */
  public static synchronized Postgres postgres() {
    if (postgres == null) {
      addShutdownHookOnce();
      postgres = Postgres.start(null, 0);
    }
    return postgres;
  }

  /**
   * {@code prefix} plus a random suffix, lower-case and made only of {@code [a-z0-9_]}, so that the
   * result is both a valid topic name and a valid unquoted database name (at most 63 characters).
   */
  public static String uniqueName(String prefix) {
    String base = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    if (base.isEmpty() || !Character.isLetter(base.charAt(0)) && base.charAt(0) != '_') {
      base = "t_" + base;
    }
    if (base.length() > MAX_PREFIX_LENGTH) {
      base = base.substring(0, MAX_PREFIX_LENGTH);
    }
    return base + "_" + randomSuffix();
  }

  private static String randomSuffix() {
    StringBuilder suffix = new StringBuilder(SUFFIX_LENGTH);
    for (int i = 0; i < SUFFIX_LENGTH; i++) {
      suffix.append(SUFFIX_ALPHABET.charAt(RANDOM.nextInt(SUFFIX_ALPHABET.length())));
    }
    return suffix.toString();
  }

  private static void addShutdownHookOnce() {
    if (!shutdownHookAdded) {
      Runtime.getRuntime()
          .addShutdownHook(new Thread(SharedInfrastructure::stopAll, "shared-infrastructure-stop"));
      shutdownHookAdded = true;
    }
  }

  /** Broker first: it may still write its final offsets while the database is irrelevant to it. */
  private static synchronized void stopAll() {
    try {
      if (kafka != null) {
        kafka.close();
      }
    } catch (RuntimeException e) {
      log.warn("Could not stop the shared Kafka broker cleanly", e);
    } finally {
      if (postgres != null) {
        postgres.close();
      }
    }
  }
}
