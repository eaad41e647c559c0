/** Test support: the gateway's outbox, relay instances and processes, and topic readers. */
package com.paystream.relay.support;
