/** Wires the callback recorder: R2DBC transaction, Avro outbox messages, metrics. */
package com.paystream.gateway.callbacks.config;
