package com.paystream.ledger.publishing;

import com.paystream.platform.outbox.OutboxPublisher;
import org.apache.kafka.clients.producer.Producer;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the platform's outbox publisher for the ledger's lifetime: it ships every committed outbox
 * row (entry events, cashflow lines, dead letters) once, in order. Stops after the listener
 * containers (lower phase stops later), so rows written by the last batch still go out.
 */
public final class OutboxRelay implements SmartLifecycle {

  private final OutboxPublisher publisher;
  private final Producer<String, byte[]> producer;
  private volatile boolean running;

  public OutboxRelay(OutboxPublisher publisher, Producer<String, byte[]> producer) {
    this.publisher = publisher;
    this.producer = producer;
  }

  @Override
  public void start() {
    publisher.start();
    running = true;
  }

  @Override
  public void stop() {
    publisher.close();
    producer.close();
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Below the listener containers' default phase: started before them, stopped after them. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 1000;
  }
}
