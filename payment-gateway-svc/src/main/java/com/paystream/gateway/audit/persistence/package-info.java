/** Audit records in PostgreSQL, written inside the transaction of the change they describe. */
package com.paystream.gateway.audit.persistence;
