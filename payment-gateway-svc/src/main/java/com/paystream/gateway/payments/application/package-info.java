/** The payments API's use cases: idempotent creation, cancellation, and the ports they use. */
package com.paystream.gateway.payments.application;
