package nl.noodrem.processes.store;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An insert that may hit a unique key, inside the caller's transaction. PostgreSQL aborts the whole transaction on
 * a failed statement, so the insert runs in a savepoint (nested transaction): a duplicate rolls back to the
 * savepoint and the caller's transaction carries on.
 */
final class Inserts {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate nested;

  Inserts(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.nested = new TransactionTemplate(transactions);
    this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /** @return false when the row's unique key was taken */
  boolean insertUnlessDuplicate(String sql, Object... args) {
    try {
      nested.executeWithoutResult(status -> jdbc.update(sql, args));
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }
}
