/** Holds: reserve part of an account's available balance, then capture (pay out) or release it. */
package com.paystream.ledger.holds;
