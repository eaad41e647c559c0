package com.paystream.local.cluster;

import java.time.Duration;

/**
 * The consumer group timeouts the services get in cluster mode: short, so that a killed or frozen
 * instance leaves its group in seconds (the clients' defaults, 45 s and 5 min, would make a chaos
 * day mostly waiting).
 *
 * @param session how long the group coordinator waits for a heartbeat before it evicts a member
 * @param heartbeat how often a member sends one (a third of the session, as Kafka advises)
 * @param maxPoll how long a member may take between polls before it leaves the group itself
 */
public record KafkaTimeouts(Duration session, Duration heartbeat, Duration maxPoll) {

  /** 6 s session, 2 s heartbeat, 15 s between polls. */
  public static final KafkaTimeouts CLUSTER =
      new KafkaTimeouts(Duration.ofSeconds(6), Duration.ofSeconds(2), Duration.ofSeconds(15));

  public KafkaTimeouts {
    if (heartbeat.compareTo(session) >= 0) {
      throw new IllegalArgumentException("the heartbeat must be shorter than the session");
    }
  }

  /**
   * How long a frozen instance must stay frozen to be sure it was evicted and its partitions went
   * to another member: past the session timeout and the poll interval, with a margin.
   */
  public Duration freezeLongerThanGroupTimeouts() {
    return session.plus(maxPoll).plusSeconds(4);
  }
}
