/** The audit records' table: inserts and the auditors' newest-first query. */
package com.paystream.ledger.audit.persistence;
