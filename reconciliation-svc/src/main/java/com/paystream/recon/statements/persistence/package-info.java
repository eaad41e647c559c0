/** The registry of received files and ingested lines in PostgreSQL (append-only). */
package com.paystream.recon.statements.persistence;
