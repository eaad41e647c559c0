/** Relays recorded callbacks and commands onto Kafka until the ledger confirms them. */
package com.paystream.relay;
