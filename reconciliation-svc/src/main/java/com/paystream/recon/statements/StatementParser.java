package com.paystream.recon.statements;

/** Reads one statement format; refuses the whole file on the first problem. */
public interface StatementParser {

  StatementFormat format();

  /**
   * @throws MalformedStatementException naming the line or element at fault
   */
  ParsedStatementFile parse(byte[] content);
}
