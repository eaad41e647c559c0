/** The refund's command to the ledger: a {@code Refund} on payments.commands.v1. */
package com.paystream.gateway.refunds.kafka;
