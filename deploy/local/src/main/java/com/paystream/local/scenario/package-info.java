/**
 * The day scenario: a business day of payments against the running suite, through the provider
 * simulator, with faults, ending in reconciliation, day close and a summary that proves nothing was
 * lost or applied twice.
 */
package com.paystream.local.scenario;
