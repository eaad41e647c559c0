/** The provider REST protocol of the simulator: JSON over HTTP with idempotency keys. */
package com.paystream.gateway.providers.http;
