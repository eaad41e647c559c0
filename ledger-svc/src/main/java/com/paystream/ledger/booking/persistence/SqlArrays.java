package com.paystream.ledger.booking.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.function.Function;
import java.util.function.IntFunction;

/** Binds columns of many rows as arrays, so that one statement writes or reads them all. */
final class SqlArrays {

  private SqlArrays() {}

  static <T, R> void bind(
      Connection connection,
      PreparedStatement statement,
      int index,
      String sqlType,
      Collection<T> rows,
      Function<T, R> column,
      IntFunction<R[]> newArray)
      throws SQLException {
    R[] values = rows.stream().map(column).toArray(newArray);
    statement.setArray(index, connection.createArrayOf(sqlType, values));
  }
}
