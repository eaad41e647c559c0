/** The operator API's SQL: the gateway's outbox, the relay's attempt history and audit trail. */
package com.paystream.relay.operator.persistence;
