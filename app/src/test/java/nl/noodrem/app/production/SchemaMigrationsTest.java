package nl.noodrem.app.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The production schema comes from Flyway alone: on an empty database the migrations create Camunda's schema and
 * every table of the modules, a Camunda engine that may not touch the schema ({@code schema-update=false}) starts
 * on it, a second run changes nothing, and two nodes migrating at once apply each version once. Runs on H2 and, when
 * a PostgreSQL server is installed (always in CI), on a real PostgreSQL.
 */
class SchemaMigrationsTest {

  private static final List<String> MODULE_TABLES = List.of("noodrem_brake", "noodrem_issuance",
      "noodrem_processed_event", "noodrem_audit", "noodrem_citizen_notice", "digid_authn_request",
      "digid_replay_cache", "digid_logout", "camel_messageprocessed", "noodrem_dead_letter",
      "noodrem_dead_letter_audit", "noodrem_used_nonce",
      "noodrem_chain_checkpoint", "noodrem_collection_outbox");

  @Test
  void migrate_emptyH2_createsEverySchemaAndTheEngineStartsOnIt() {
    DataSource h2 = h2();
    assertMigratesAndEngineStarts(h2, "h2");
  }

  @Test
  void migrate_emptyPostgres_createsEverySchemaAndTheEngineStartsOnIt() throws Exception {
    LocalPostgres.requireServer();
    try (LocalPostgres pg = LocalPostgres.start()) {
      assertMigratesAndEngineStarts(postgres(pg), "pg");
    }
  }

  @Test
  void migrate_twoNodesAtOnceOnPostgres_applyEachVersionOnce() throws Exception {
    LocalPostgres.requireServer();
    try (LocalPostgres pg = LocalPostgres.start()) {
      DataSource db = postgres(pg);
      ExecutorService nodes = Executors.newFixedThreadPool(2);
      try {
        List<Future<MigrateResult>> results = new ArrayList<>();
        Callable<MigrateResult> node = () -> SchemaMigrations.migrate(db);
        results.add(nodes.submit(node));
        results.add(nodes.submit(node));
        int executed = 0;
        for (Future<MigrateResult> result : results) {
          executed += result.get().migrationsExecuted;
        }
        assertThat(executed).isEqualTo(9);
      } finally {
        nodes.shutdownNow();
      }
      Integer versions = new JdbcTemplate(db).queryForObject(
          "SELECT COUNT(*) FROM noodrem_schema_history WHERE success", Integer.class);
      assertThat(versions).isEqualTo(9);
    }
  }

  @Test
  void camelIdempotencyTable_sameKeyTwice_isRefusedByItsPrimaryKey() {
    DataSource h2 = h2();
    SchemaMigrations.migrate(h2);
    JdbcTemplate jdbc = new JdbcTemplate(h2);
    String insert = "INSERT INTO CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt) VALUES (?, ?, ?)";
    jdbc.update(insert, "collection-ack", "HOLD:NR-1/hold/2026-03-01", Timestamp.from(Instant.now()));
    assertThatThrownBy(() -> jdbc.update(insert, "collection-ack", "HOLD:NR-1/hold/2026-03-01",
        Timestamp.from(Instant.now()))).isInstanceOf(DuplicateKeyException.class);
  }

  private static void assertMigratesAndEngineStarts(DataSource db, String name) {
    MigrateResult first = SchemaMigrations.migrate(db);
    assertThat(first.migrationsExecuted).isEqualTo(9);
    assertThat(first.targetSchemaVersion).isEqualTo("9");
    JdbcTemplate jdbc = new JdbcTemplate(db);
    // V8: how a brake ended, read by the pull decision
    assertThat(jdbc.queryForList("SELECT outcome FROM noodrem_brake", String.class)).isEmpty();
    for (String table : MODULE_TABLES) {
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class)).as(table).isZero();
    }
    assertThat(jdbc.queryForObject("SELECT VALUE_ FROM ACT_GE_PROPERTY WHERE NAME_ = 'schema.version'", String.class))
        .isEqualTo("fox");
    assertThat(jdbc.queryForObject("SELECT VERSION_ FROM ACT_GE_SCHEMA_LOG WHERE ID_ = '0'", String.class))
        .isEqualTo("7.24.0");

    ProcessEngine engine = ProductionEngine.start("schema-" + name + "-" + UUID.randomUUID(), db);
    try {
      assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isZero();
    } finally {
      engine.close();
    }
    assertThat(SchemaMigrations.migrate(db).migrationsExecuted).isZero();
  }

  private static DataSource h2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:schema-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    return h2;
  }

  static DataSource postgres(LocalPostgres pg) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(pg.jdbcUrl());
    ds.setUser(pg.username());
    return ds;
  }
}
