/**
 * Payments: the status state machine and the value types of a payment, free of web and SQL types.
 */
package com.paystream.gateway.payments;
