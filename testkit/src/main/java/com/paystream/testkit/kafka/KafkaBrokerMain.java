package com.paystream.testkit.kafka;

import java.util.concurrent.CountDownLatch;

/**
 * Runs a broker as its own process: {@code --data-dir DIR --port N}, and for a node of a cluster
 * also {@code --node-id K --controller-port C --voters … --cluster-id ID} ({@link BrokerArgs}).
 * Prints {@code KAFKA READY bootstrap=host:port} once clients can connect and shuts the broker down
 * cleanly on SIGTERM or SIGINT.
 */
public final class KafkaBrokerMain {

  private KafkaBrokerMain() {}

  public static void main(String[] args) throws InterruptedException {
    BrokerArgs options = BrokerArgs.parse(args);
    KafkaBroker broker =
        options
            .node()
            .map(node -> KafkaBroker.startNode(options.dataDir(), options.port(), node))
            .orElseGet(() -> KafkaBroker.start(options.dataDir(), options.port()));
    // The broker is the whole process here: a fatal fault must end it so that it is noticed.
    ExitGuard.uninstall();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  broker.close();
                  stopped.countDown();
                },
                "kafka-broker-shutdown"));
    System.out.println("KAFKA READY bootstrap=" + broker.bootstrapServers());
    System.out.flush();
    stopped.await();
  }
}
