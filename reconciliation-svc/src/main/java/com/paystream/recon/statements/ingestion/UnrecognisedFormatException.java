package com.paystream.recon.statements.ingestion;

/** The file's format was neither named nor recognisable from its name or first bytes. */
public class UnrecognisedFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UnrecognisedFormatException(String message) {
    super(message);
  }
}
