/**
 * The gateway's side of the transactional outbox: Kafka records written in the same transaction as
 * the change they announce; the callback-relay service publishes them.
 */
package com.paystream.gateway.outbox;
