/** An audit record as the Avro AuditEvent of {@code audit.events.v1}. */
package com.paystream.relay.audit.kafka;
