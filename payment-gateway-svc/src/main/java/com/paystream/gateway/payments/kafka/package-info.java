/** The Kafka contract of payment changes: {@code PaymentCommand} on payments.commands.v1. */
package com.paystream.gateway.payments.kafka;
