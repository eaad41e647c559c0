/** The ledger's topics as a public contract: the pinned schemas served to downstream consumers. */
package com.paystream.ledger.contracts;
