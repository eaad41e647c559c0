/** {@code GET /v1/journal/verification}: the journal's chains and seals, recomputed. */
package com.paystream.ledger.sealing.web;
