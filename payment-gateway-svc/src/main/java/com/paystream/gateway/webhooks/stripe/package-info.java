/** Stripe-style webhooks: the Stripe-Signature dialect, its signer and the payload parser. */
package com.paystream.gateway.webhooks.stripe;
