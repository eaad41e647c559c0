/**
 * The audit trail over HTTP: request and trace ids, refusals (security and handler 4xx) recorded,
 * and {@code GET /v1/audit} for auditors.
 */
package com.paystream.ledger.audit.web;
