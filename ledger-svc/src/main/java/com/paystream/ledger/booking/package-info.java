/**
 * Applying consumed messages exactly once, a batch at a time: dedupe, posting rules, balances, dead
 * letters, and the plan that one database transaction writes.
 */
package com.paystream.ledger.booking;
