/** Spring wiring: configuration properties, beans, Kafka listener setup, topics and the outbox. */
package com.paystream.ledger.config;
