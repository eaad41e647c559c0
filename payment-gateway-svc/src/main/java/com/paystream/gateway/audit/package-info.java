/**
 * The audit trail: who did what to which target, how it ended (accepted, refused, requested,
 * approved, rejected, expired) and why; append-only, and published on audit.events.v1.
 */
package com.paystream.gateway.audit;
