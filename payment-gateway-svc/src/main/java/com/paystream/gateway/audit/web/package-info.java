/**
 * HTTP side of the audit trail: request ids and refusals of state-changing requests (the security
 * layer's and the API's), and {@code GET /v1/audit} for auditors.
 */
package com.paystream.gateway.audit.web;
