/** The ledger benchmark: callbacks from the topic to committed entries vs. direct batch writes. */
package com.paystream.ledger.bench;
