/** The ledger's confirmations and refusals, which end re-delivery of a message. */
package com.paystream.relay.confirmation;
