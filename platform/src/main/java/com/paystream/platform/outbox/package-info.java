/** The transactional outbox: rows committed with the business change, shipped to Kafka after. */
package com.paystream.platform.outbox;
