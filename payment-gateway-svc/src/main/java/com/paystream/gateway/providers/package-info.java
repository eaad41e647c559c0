/**
 * Talking to providers: the port the gateway uses to create payments, ask for their status and
 * refund them, whatever the provider's protocol.
 */
package com.paystream.gateway.providers;
