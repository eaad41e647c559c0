/** The audit trail in PostgreSQL: appended with its outbox row, queried newest first. */
package com.paystream.recon.audit.persistence;
