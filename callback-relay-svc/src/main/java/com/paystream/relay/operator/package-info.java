/** The operator API's use cases: find stuck messages with their history, redrive them, audited. */
package com.paystream.relay.operator;
