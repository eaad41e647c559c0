/** JDBC for a batch: locked reads, multi-row writes, and refusals told apart from outages. */
package com.paystream.ledger.booking.persistence;
