/**
 * The ledger's audit trail: every state-changing call, accepted or refused, and every four-eyes
 * request and decision, kept append-only in {@code audit_record} and published on {@code
 * audit.events.v1} through the outbox.
 */
package com.paystream.ledger.audit;
