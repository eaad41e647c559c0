/** Journal entries and postings, and the in-memory book that applies them to balances exactly. */
package com.paystream.ledger.journal;
