/** Callbacks: a provider's verified report about a payment, and the port that records it. */
package com.paystream.gateway.callbacks;
