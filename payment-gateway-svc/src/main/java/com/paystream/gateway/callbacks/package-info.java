/**
 * Callbacks: what a provider told us about a payment, verified, and the port that records it
 * durably (inbox, status history and relay outbox in one transaction) before anyone acknowledges
 * it.
 */
package com.paystream.gateway.callbacks;
