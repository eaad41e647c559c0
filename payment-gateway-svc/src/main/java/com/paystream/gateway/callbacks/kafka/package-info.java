/** The Kafka contract of recorded callbacks: {@code PaymentCallback} on payments.callbacks.v1. */
package com.paystream.gateway.callbacks.kafka;
