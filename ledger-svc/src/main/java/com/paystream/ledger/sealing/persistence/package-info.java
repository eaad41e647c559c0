/** The SQL of the sealed journal: chain heads as of a date, seals, and chains read page by page. */
package com.paystream.ledger.sealing.persistence;
