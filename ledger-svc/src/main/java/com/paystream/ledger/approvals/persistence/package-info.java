/** Approval requests and decisions, append-only. */
package com.paystream.ledger.approvals.persistence;
