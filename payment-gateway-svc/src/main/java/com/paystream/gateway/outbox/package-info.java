/** The transactional outbox: Kafka records written in the transaction of their change. */
package com.paystream.gateway.outbox;
