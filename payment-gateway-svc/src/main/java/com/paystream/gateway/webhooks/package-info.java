/**
 * Provider webhooks: the signature dialect and payload parser ports, and the intake that verifies,
 * parses and records a callback before the provider is acknowledged.
 */
package com.paystream.gateway.webhooks;
