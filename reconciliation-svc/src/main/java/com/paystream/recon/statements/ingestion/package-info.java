/** Takes a statement file from any channel through parsing, deduplication and publication. */
package com.paystream.recon.statements.ingestion;
