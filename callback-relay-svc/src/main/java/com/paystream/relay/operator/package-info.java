/**
 * The operator API's use cases: find unconfirmed and dead-lettered messages with their delivery
 * history, and redrive them with an audit record of who did it and why.
 */
package com.paystream.relay.operator;
