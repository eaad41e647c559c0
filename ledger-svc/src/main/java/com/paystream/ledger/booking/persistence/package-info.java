/** JDBC for a batch: set-based reads with row locks, and multi-row writes (one per table). */
package com.paystream.ledger.booking.persistence;
