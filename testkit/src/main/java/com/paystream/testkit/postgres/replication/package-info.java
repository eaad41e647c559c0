/**
 * Streaming standbys of a kit PostgreSQL: real-time (optionally synchronous) and delayed ones, and
 * the promotion of a delayed standby at a chosen instant, before a mistake.
 */
package com.paystream.testkit.postgres.replication;
