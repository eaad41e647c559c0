/**
 * The transactional outbox: services write Kafka records into their own database in the same
 * transaction as the business change, and {@link com.paystream.platform.outbox.OutboxPublisher}
 * ships them after commit, in order, at least once.
 */
package com.paystream.platform.outbox;
