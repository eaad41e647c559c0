/** Approval requests and their one decision in PostgreSQL, both append-only. */
package com.paystream.recon.approvals.persistence;
