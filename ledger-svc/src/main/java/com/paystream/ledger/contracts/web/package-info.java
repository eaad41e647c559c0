/** The read-only Confluent Schema Registry API that serves the ledger topics' pinned schemas. */
package com.paystream.ledger.contracts.web;
