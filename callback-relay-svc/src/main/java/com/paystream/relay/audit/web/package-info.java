/**
 * The audit trail over HTTP: request ids, refusals of the security layer and of handlers recorded,
 * and {@code GET /v1/audit} for auditors.
 */
package com.paystream.relay.audit.web;
