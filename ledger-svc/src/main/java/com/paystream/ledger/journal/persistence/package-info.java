/** Read side of the journal: entries with their postings, by id and by payment. */
package com.paystream.ledger.journal.persistence;
