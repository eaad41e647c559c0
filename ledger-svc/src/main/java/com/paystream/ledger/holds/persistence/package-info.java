/** SQL of holds: the append-only hold and settlement rows, and the held account's row lock. */
package com.paystream.ledger.holds.persistence;
