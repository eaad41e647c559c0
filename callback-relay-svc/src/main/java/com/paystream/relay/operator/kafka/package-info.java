/** Reads what the operator API shows out of recorded Kafka values (Confluent wire format). */
package com.paystream.relay.operator.kafka;
