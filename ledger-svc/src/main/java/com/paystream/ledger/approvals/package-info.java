/**
 * Four eyes in the ledger: operator changes that need a second operator (hold captures, early day
 * closes) are kept as requests and carried out, in the approval's transaction, when a different
 * operator approves them before they expire.
 */
package com.paystream.ledger.approvals;
