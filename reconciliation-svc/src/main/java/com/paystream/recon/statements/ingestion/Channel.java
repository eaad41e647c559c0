package com.paystream.recon.statements.ingestion;

/** How a statement file reached the service. */
public enum Channel {
  HTTP,
  INBOX
}
