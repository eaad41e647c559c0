/**
 * Active status queries, the lost-order defence: payments left CREATED or PENDING are asked about
 * at their provider on a backoff schedule (and at once when reconciliation reports a lost order),
 * and what the provider says is recorded as a callback with source STATUS_QUERY.
 */
package com.paystream.gateway.statusquery;
