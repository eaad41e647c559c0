/**
 * The audit trail: every state-changing call, accepted or refused, and every four-eyes request and
 * decision, kept append-only in {@code audit_record} and published as AuditEvent on {@code
 * audit.events.v1} through the relay's audit outbox, in the transaction of the change it records.
 */
package com.paystream.relay.audit;
