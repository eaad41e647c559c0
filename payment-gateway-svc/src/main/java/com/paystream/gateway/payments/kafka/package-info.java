/** The cancellation's command to the ledger: a {@code Cancellation} on payments.commands.v1. */
package com.paystream.gateway.payments.kafka;
