/** The audit trail's events on audit.events.v1 ({@code AuditEvent}, Avro). */
package com.paystream.gateway.audit.kafka;
