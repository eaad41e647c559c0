/** Refunds: the {@code Refund} aggregate, its guarded transitions, results and ports. */
package com.paystream.gateway.refunds;
