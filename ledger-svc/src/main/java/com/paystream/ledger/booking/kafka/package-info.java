/** Kafka adapter: the batch listener on the callbacks topic and the decoding of its records. */
package com.paystream.ledger.booking.kafka;
