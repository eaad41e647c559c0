/** The audit trail in schema relay: appended with its audit outbox row, queried newest first. */
package com.paystream.relay.audit.persistence;
