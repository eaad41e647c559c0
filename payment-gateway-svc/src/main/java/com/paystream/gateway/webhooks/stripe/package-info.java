/**
 * Stripe-style webhooks: {@code Stripe-Signature: t=...,v1=...} over {@code t.body}, the signer for
 * tests and the simulator, and the Stripe event payload parser.
 */
package com.paystream.gateway.webhooks.stripe;
