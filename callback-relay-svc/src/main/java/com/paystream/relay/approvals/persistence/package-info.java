/** Approval requests and their one decision in PostgreSQL, both append-only. */
package com.paystream.relay.approvals.persistence;
