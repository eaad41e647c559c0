/**
 * The callback inbox in PostgreSQL and the one transaction that records a callback: inbox row,
 * payment status, status history and relay outbox row.
 */
package com.paystream.gateway.callbacks.persistence;
