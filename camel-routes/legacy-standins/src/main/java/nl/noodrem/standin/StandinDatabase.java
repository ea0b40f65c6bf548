package nl.noodrem.standin;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * A stand-in's own H2 database. Deliberately not a {@link DataSource} bean: a second DataSource bean
 * would make Spring Boot drop the app's auto-configured one, and the stand-ins must not change how
 * the app is wired.
 */
public final class StandinDatabase {

  private final DataSource dataSource;
  private final JdbcTemplate jdbc;

  private StandinDatabase(DataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /** Opens the database at {@code jdbcUrl} and runs the classpath scripts (schema, seed) in order. */
  static StandinDatabase open(String jdbcUrl, String... scripts) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(jdbcUrl);
    h2.setUser("sa");
    h2.setPassword("");
    ResourceDatabasePopulator populator = new ResourceDatabasePopulator();
    for (String script : scripts) {
      populator.addScript(new ClassPathResource(script));
    }
    populator.execute(h2);
    return new StandinDatabase(h2);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public JdbcTemplate jdbc() {
    return jdbc;
  }
}
