package nl.noodrem.camel.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/**
 * A connection pool to a legacy system's database. Held in this wrapper rather than exposed as a
 * {@link DataSource} bean: a second DataSource bean would make Spring Boot drop the app's own
 * auto-configured one. The routes bind it in Camel's registry under their own name.
 */
public final class LegacyDataSource implements AutoCloseable {

  private final HikariDataSource pool;

  public LegacyDataSource(String poolName, String jdbcUrl, String username, String password, int maximumPoolSize) {
    if (jdbcUrl == null || jdbcUrl.isBlank()) {
      throw new IllegalArgumentException(poolName + ": jdbc-url is required");
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName(poolName);
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(username);
    config.setPassword(password);
    config.setMaximumPoolSize(maximumPoolSize);
    config.setMinimumIdle(0);
    // the legacy system may be down when the app starts: connect on first use, not now
    config.setInitializationFailTimeout(-1);
    this.pool = new HikariDataSource(config);
  }

  public DataSource dataSource() {
    return pool;
  }

  @Override
  public void close() {
    pool.close();
  }
}
