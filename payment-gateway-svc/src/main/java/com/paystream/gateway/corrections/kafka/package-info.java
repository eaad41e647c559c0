/** The corrections' commands to the ledger: {@code Amendment}, {@code Supplement}. */
package com.paystream.gateway.corrections.kafka;
