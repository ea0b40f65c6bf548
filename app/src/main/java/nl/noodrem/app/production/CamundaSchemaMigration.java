package nl.noodrem.app.production;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Version 1 of the database: Camunda 7.24's own schema, created with the SQL scripts inside the engine jar (the
 * same scripts Camunda's distribution ships as {@code sql/create/*_7.24.0.sql}), for PostgreSQL or H2. Flyway owns
 * the schema; the engine runs with {@code camunda.bpm.database.schema-update=false} and only checks it (ADR 0005).
 *
 * <p>The checksum covers the scripts' bytes, so an engine upgrade that changes them fails Flyway's validation at
 * start instead of silently running on an old schema: the upgrade then gets its own migration with Camunda's
 * upgrade script ({@code org/camunda/bpm/engine/db/upgrade/postgres_engine_7.24_to_7.25.sql}).
 */
public class CamundaSchemaMigration implements JavaMigration {

  /** The order Camunda's own schema creation uses: later scripts reference earlier tables. */
  static final List<String> COMPONENTS = List.of("engine", "history", "identity", "case.engine", "case.history",
      "decision.engine", "decision.history");

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("1");
  }

  @Override
  public String getDescription() {
    return "camunda 7.24 schema";
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public Integer getChecksum() {
    CRC32 crc = new CRC32();
    for (String vendor : List.of("postgres", "h2")) {
      for (String component : COMPONENTS) {
        crc.update(bytes(script(vendor, component)));
      }
    }
    return (int) crc.getValue();
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    String vendor = vendor(connection.getMetaData().getDatabaseProductName());
    for (String component : COMPONENTS) {
      ScriptUtils.executeSqlScript(connection, new EncodedResource(script(vendor, component), StandardCharsets.UTF_8));
    }
  }

  static String vendor(String productName) {
    String name = productName.toLowerCase(Locale.ROOT);
    if (name.contains("postgres")) {
      return "postgres";
    }
    if (name.contains("h2")) {
      return "h2";
    }
    throw new IllegalStateException("no Camunda schema for database " + productName + " (PostgreSQL or H2)");
  }

  private static ClassPathResource script(String vendor, String component) {
    return new ClassPathResource("org/camunda/bpm/engine/db/create/activiti." + vendor + ".create." + component + ".sql");
  }

  private static byte[] bytes(ClassPathResource resource) {
    try (InputStream in = resource.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("Camunda schema script missing: " + resource.getPath(), e);
    }
  }
}
