/** A real single-node Apache Kafka broker in KRaft mode, in-process or as its own process. */
package com.paystream.testkit.kafka;
