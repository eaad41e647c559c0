package com.paystream.ledger.booking.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.ledger.support.LedgerDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class CopyRowsTest {

  @Test
  void copiesTextWithTabsNewlinesAndBackslashesAndBytesExactly() throws Exception {
    LedgerDatabase database = LedgerDatabase.migrated("ledger_copy");
    String awkward = "a\tb\nc\rd\\e \\N";
    byte[] bytes = {0, 1, (byte) 0xff, '\\', '\t', '\n'};

    // As the owner: the runtime role may not create (temporary) tables.
    try (Connection connection = database.connectAsOwner();
        Statement st = connection.createStatement()) {
      st.execute("create temporary table t (s text, n text, b bytea)");
      new CopyRows(1)
          .value(awkward)
          .value(null)
          .bytes(bytes)
          .endRow()
          .copyInto(connection, "copy t (s, n, b) from stdin");

      try (ResultSet rs = st.executeQuery("select s, n, b from t")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo(awkward);
        assertThat(rs.getString(2)).isNull();
        assertThat(rs.getBytes(3)).isEqualTo(bytes);
      }
    }
  }
}
