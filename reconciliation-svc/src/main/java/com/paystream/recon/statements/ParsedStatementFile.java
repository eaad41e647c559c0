package com.paystream.recon.statements;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/** Everything one file said: its lines, in file order, all of them valid. */
public record ParsedStatementFile(StatementFormat format, List<StatementLineDraft> lines) {

  public ParsedStatementFile {
    Objects.requireNonNull(format, "format");
    lines = List.copyOf(lines);
  }

  /** The ids of the statements in the file, in order of first appearance. */
  public List<String> statementIds() {
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    lines.forEach(line -> ids.add(line.statementId()));
    return List.copyOf(ids);
  }
}
