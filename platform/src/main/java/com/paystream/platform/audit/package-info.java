/**
 * The audit trail's record, the same in every service: who did what to which target, how it ended,
 * and why. Each service keeps its records append-only in its own database and publishes them on
 * {@code audit.events.v1} through its outbox.
 */
package com.paystream.platform.audit;
