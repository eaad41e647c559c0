/** HTTP API of the journal: an entry by id, the entries of a payment. */
package com.paystream.ledger.journal.web;
