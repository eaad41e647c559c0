/** Small cross-feature helpers of the gateway: clock, trace context. */
package com.paystream.gateway.support;
