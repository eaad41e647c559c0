/**
 * Statement ingestion: bank and provider statements (camt.053, MT940, provider CSV) parsed into
 * lines with exact minor-unit amounts, registered once per (statement id, line id), and published.
 */
package com.paystream.recon.statements;
