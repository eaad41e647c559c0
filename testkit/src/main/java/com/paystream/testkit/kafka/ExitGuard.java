package com.paystream.testkit.kafka;

import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a broker running inside a test JVM from ending that JVM. Kafka calls {@code Exit.exit} or
 * {@code Exit.halt} on fatal faults; inside surefire that would kill the fork with no trace but
 * "the forked VM terminated". Here the fault is logged and thrown in the calling broker thread.
 */
final class ExitGuard {

  private static final Logger log = LoggerFactory.getLogger(ExitGuard.class);

  private ExitGuard() {}

  static void install() {
    Exit.setExitProcedure((code, message) -> refuse("exit", code, message));
    Exit.setHaltProcedure((code, message) -> refuse("halt", code, message));
  }

  /** For a broker that is the whole process: a fatal fault must end it, so a supervisor sees it. */
  static void uninstall() {
    Exit.resetExitProcedure();
    Exit.resetHaltProcedure();
  }

  private static void refuse(String kind, int code, String message) {
    log.error(
        "The embedded Kafka broker asked the JVM to {} with status {}: {}", kind, code, message);
    throw new IllegalStateException(
        "Kafka asked to " + kind + " the JVM (status " + code + "): " + message);
  }
}
