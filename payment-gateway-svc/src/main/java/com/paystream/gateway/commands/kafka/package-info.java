/** The {@code PaymentCommand} envelope on payments.commands.v1, around each feature's body. */
package com.paystream.gateway.commands.kafka;
