/** Applying consumed messages exactly once, a batch at a time, in one transaction per batch. */
package com.paystream.ledger.booking;
