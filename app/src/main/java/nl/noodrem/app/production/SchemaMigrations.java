package nl.noodrem.app.production;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Migrates the database with Flyway the moment the app's {@link DataSource} exists, before any other bean can use
 * it. Spring Boot's own Flyway initializer is not used: it orders itself only before JPA and {@code JdbcTemplate}
 * beans, while the process engine, Camel's idempotent repositories and the dead-letter store take the DataSource
 * directly and would otherwise create their tables first (without the migrations' keys) or find none.
 *
 * <p>Locations: {@code classpath:db/migration/common} (portable SQL, H2 and PostgreSQL) plus the Camunda schema
 * as Java migration version 1 ({@link CamundaSchemaMigration}). Several nodes starting at once are safe: Flyway
 * takes a database lock around the migration (PostgreSQL advisory lock).
 */
public final class SchemaMigrations implements BeanPostProcessor {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);
  public static final String LOCATION = "classpath:db/migration/common";

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && "dataSource".equals(beanName)) {
      MigrateResult result = migrate(dataSource);
      LOG.info("database schema at version {} ({} migration(s) applied now)", result.targetSchemaVersion == null
          ? result.initialSchemaVersion : result.targetSchemaVersion, result.migrationsExecuted);
    }
    return bean;
  }

  /** The migrations every environment with a migrated schema runs; also used by tests. */
  public static Flyway flyway(DataSource dataSource) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations(LOCATION)
        .javaMigrations(new CamundaSchemaMigration())
        .table("noodrem_schema_history")
        .validateMigrationNaming(true)
        .load();
  }

  public static MigrateResult migrate(DataSource dataSource) {
    return flyway(dataSource).migrate();
  }
}
