/** Double-entry ledger that applies every callback and command exactly once. */
package com.paystream.ledger;
