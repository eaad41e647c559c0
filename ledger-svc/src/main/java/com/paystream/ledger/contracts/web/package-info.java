/**
 * The Confluent Schema Registry REST API (read subset) under {@code /schema-registry}, so that a
 * standard Confluent-compatible deserializer decodes {@code ledger.entries.v1} and {@code
 * ledger.cashflow.v1} with only a registry URL.
 */
package com.paystream.ledger.contracts.web;
