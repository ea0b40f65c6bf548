package nl.noodrem.app.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import nl.noodrem.camel.collection.CollectionCommandOutbox;
import nl.noodrem.camel.errors.JdbcDeadLetterStore;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Every module table is defined twice: by the module's own idempotent script, which the development profile and the
 * module tests run, and by the Flyway migrations that alone build the production schema (ADR 0005). This test builds
 * both, on H2 and on a real PostgreSQL, and holds them against each other column by column (name, type, length, nullability), so a column added
 * on one side only fails the build instead of surfacing in production.
 */
class SchemaSourcesAgreeTest {

  /** Tables only production has: Flyway's own history, and the shared chain checkpoint of a cluster (ADR 0006). */
  private static final Set<String> PRODUCTION_ONLY = Set.of("NOODREM_SCHEMA_HISTORY", "NOODREM_CHAIN_CHECKPOINT");

  /**
   * Camel creates its idempotency table without a primary key; the migration adds one (V4), which makes its key
   * columns NOT NULL. Only nullability may differ there, and only for those two columns.
   */
  private static final Set<String> NULLABILITY_MAY_DIFFER =
      Set.of("CAMEL_MESSAGEPROCESSED.PROCESSORNAME", "CAMEL_MESSAGEPROCESSED.MESSAGEID");

  @Test
  void moduleScriptsAndFlywayMigrations_onH2_defineTheSameTablesAndColumns() {
    assertSameTablesAndColumns(developmentSchema(h2("dev")), productionSchema(h2("prod")));
  }

  @Test
  void moduleScriptsAndFlywayMigrations_onPostgres_defineTheSameTablesAndColumns() throws Exception {
    LocalPostgres.requireServer();
    try (LocalPostgres pg = LocalPostgres.start()) {
      DataSource production = SchemaMigrationsTest.postgres(pg);
      new JdbcTemplate(production).execute("CREATE DATABASE development");
      PGSimpleDataSource development = new PGSimpleDataSource();
      development.setUrl(pg.jdbcUrl("development"));
      development.setUser(pg.username());
      assertSameTablesAndColumns(developmentSchema(development), productionSchema(production));
    }
  }

  private static void assertSameTablesAndColumns(DataSource developmentSchema, DataSource productionSchema) {
    Map<String, String> development = columns(developmentSchema);
    Map<String, String> production = columns(productionSchema);

    assertThat(tables(production)).as("tables of the migrations, less the production-only ones")
        .containsExactlyInAnyOrderElementsOf(tables(development));
    assertThat(development).as("development tables").isNotEmpty();
    for (Map.Entry<String, String> column : development.entrySet()) {
      String expected = column.getValue();
      String actual = production.get(column.getKey());
      if (NULLABILITY_MAY_DIFFER.contains(column.getKey()) && actual != null) {
        expected = withoutNullability(expected);
        actual = withoutNullability(actual);
      }
      assertThat(actual).as("column %s in the migrations", column.getKey()).isEqualTo(expected);
    }
    assertThat(production.keySet()).as("columns of the migrations that the module scripts lack")
        .containsExactlyInAnyOrderElementsOf(development.keySet());
  }

  /** The tables as the development profile makes them: each module's script, and the tables modules create. */
  private static DataSource developmentSchema(DataSource db) {
    new ResourceDatabasePopulator(
        new ClassPathResource("db/noodrem-processes-schema.sql"),
        new ClassPathResource("db/digid/schema.sql"),
        new ClassPathResource("db/noodrem-app-schema.sql")).execute(db);
    new JdbcDeadLetterStore(db, null, null).createTableIfMissing();
    new CollectionCommandOutbox(db, null, java.time.Duration.ofMinutes(1), java.time.Clock.systemUTC())
        .createTableIfMissing();
    JdbcMessageIdRepository camel = new JdbcMessageIdRepository(db, "schema-test");
    ServiceHelper.startService(camel);
    ServiceHelper.stopService(camel);
    return db;
  }

  private static DataSource productionSchema(DataSource db) {
    SchemaMigrations.migrate(db);
    return db;
  }

  /** {@code TABLE.COLUMN} → {@code type(length) NULL|NOT NULL} for every table but Camunda's and production-only ones. */
  private static Map<String, String> columns(DataSource db) {
    Map<String, String> columns = new TreeMap<>();
    new JdbcTemplate(db).query("SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, IS_NULLABLE"
        + " FROM INFORMATION_SCHEMA.COLUMNS WHERE UPPER(TABLE_SCHEMA) = 'PUBLIC'", row -> {
          String table = row.getString(1).toUpperCase();
          if (table.startsWith("ACT_") || PRODUCTION_ONLY.contains(table)) {
            return;
          }
          Object length = row.getObject(4);
          columns.put(table + "." + row.getString(2).toUpperCase(), row.getString(3).toUpperCase()
              + (length == null ? "" : "(" + length + ")") + ("YES".equals(row.getString(5)) ? " NULL" : " NOT NULL"));
        });
    return columns;
  }

  private static Set<String> tables(Map<String, String> columns) {
    return new java.util.TreeSet<>(columns.keySet().stream().map(c -> c.substring(0, c.indexOf('.'))).toList());
  }

  private static String withoutNullability(String column) {
    return column.replace(" NOT NULL", "").replace(" NULL", "");
  }

  private static DataSource h2(String name) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:schema-sources-" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    return h2;
  }
}
