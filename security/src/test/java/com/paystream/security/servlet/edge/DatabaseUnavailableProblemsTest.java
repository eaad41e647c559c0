package com.paystream.security.servlet.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseUnavailableProblemsTest {

  @Test
  void aRollbackThatFailedOnAClosedConnectionIsTheDatabasesAbsence() {
    TransactionSystemException rollbackFailed =
        new TransactionSystemException(
            "JDBC rollback failed", new SQLException("This connection has been closed.", "08003"));

    assertThat(DatabaseUnavailableProblems.connectionLost(rollbackFailed)).isTrue();
  }

  @Test
  void aRollbackThatFailedAfterAResourceFailureIsTheDatabasesAbsence() {
    TransactionSystemException rollbackFailed =
        new TransactionSystemException("JDBC rollback failed", new SQLException("?", "XX000"));
    rollbackFailed.initApplicationException(new DataAccessResourceFailureException("gone"));

    assertThat(DatabaseUnavailableProblems.connectionLost(rollbackFailed)).isTrue();
  }

  @Test
  void anyOtherTransactionFailureStaysTheServersFault() {
    TransactionSystemException commitFailed =
        new TransactionSystemException(
            "JDBC commit failed", new SQLException("duplicate key", "23505"));
    commitFailed.initApplicationException(new DataIntegrityViolationException("duplicate"));

    assertThat(DatabaseUnavailableProblems.connectionLost(commitFailed)).isFalse();
  }
}
