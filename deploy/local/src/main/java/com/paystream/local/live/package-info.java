/**
 * The live check: a real Prometheus scraping the local stack after a short day, asked whether every
 * dashboard panel has data and whether a frozen ledger fires the right alert, and the stack's logs
 * read for secrets and for one trace across the services.
 */
package com.paystream.local.live;
