/**
 * The provider REST protocol spoken by the provider simulator (and any provider adapter sidecar):
 * JSON over HTTP with idempotency keys.
 */
package com.paystream.gateway.providers.http;
