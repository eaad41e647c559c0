/** The operator API's SQL: where each message stands, its history and the audit trail. */
package com.paystream.relay.operator.persistence;
