package nl.noodrem.digid.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.sql.DataSource;
import nl.noodrem.digid.DigidLevel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The request store and replay cache on H2, H2 in PostgreSQL mode, and a real PostgreSQL when
 * {@code NOODREM_TEST_POSTGRES_URL} (with {@code _USER}, {@code _PASSWORD}) is set: single use under
 * concurrency (several app nodes), expiry, bound, idempotent schema.
 */
class JdbcStoresTest {

  static Stream<String> databases() {
    List<String> urls = new ArrayList<>();
    urls.add("jdbc:h2:mem:stores-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    urls.add("jdbc:h2:mem:stores-pg-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    String postgres = System.getenv("NOODREM_TEST_POSTGRES_URL");
    if (postgres != null && !postgres.isBlank()) {
      urls.add(postgres);
    }
    return urls.stream();
  }

  private static JdbcTemplate database(String url) {
    DriverManagerDataSource dataSource = new DriverManagerDataSource(url);
    if (url.startsWith("jdbc:postgresql:")) {
      dataSource.setUsername(System.getenv().getOrDefault("NOODREM_TEST_POSTGRES_USER", "postgres"));
      dataSource.setPassword(System.getenv().getOrDefault("NOODREM_TEST_POSTGRES_PASSWORD", ""));
    }
    createSchema(dataSource);
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.update("DELETE FROM digid_authn_request");
    jdbc.update("DELETE FROM digid_replay_cache");
    return jdbc;
  }

  private static void createSchema(DataSource dataSource) {
    new ResourceDatabasePopulator(new ClassPathResource("db/digid/schema.sql")).execute(dataSource);
  }

  private static PendingAuthnRequest request(String relayState, Instant now, Duration lifetime) {
    return new PendingAuthnRequest("_" + UUID.randomUUID().toString().replace("-", ""), relayState, "ab".repeat(32), "/brake",
        DigidLevel.SUBSTANTIEEL, now, now.plus(lifetime));
  }

  @ParameterizedTest
  @MethodSource("databases")
  void schema_runTwice_isIdempotent(String url) {
    JdbcTemplate jdbc = database(url);
    createSchema(jdbc.getDataSource());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM digid_replay_cache", Integer.class)).isZero();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void consumeByRelayState_manyNodesAtOnce_exactlyOneGetsTheRequest(String url) throws Exception {
    JdbcTemplate jdbc = database(url);
    Instant now = Instant.now();
    new JdbcAuthnRequestStore(jdbc, 100).save(request("relay-1234567890123456", now, Duration.ofMinutes(15)), now);

    List<Optional<PendingAuthnRequest>> results = race(8, () -> new JdbcAuthnRequestStore(jdbc, 100).consumeByRelayState("relay-1234567890123456", now));

    assertThat(results.stream().filter(Optional::isPresent).count()).isEqualTo(1);
    PendingAuthnRequest consumed = results.stream().flatMap(Optional::stream).findFirst().orElseThrow();
    assertThat(consumed.returnTo()).isEqualTo("/brake");
    assertThat(consumed.requestedLevel()).isEqualTo(DigidLevel.SUBSTANTIEEL);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void consumeByRelayState_expired_isEmptyAndGone(String url) {
    JdbcTemplate jdbc = database(url);
    JdbcAuthnRequestStore store = new JdbcAuthnRequestStore(jdbc, 100);
    Instant then = Instant.now().minus(Duration.ofMinutes(20));
    store.save(request("relay-expired-0000000000", then, Duration.ofMinutes(15)), then);

    assertThat(store.consumeByRelayState("relay-expired-0000000000", Instant.now())).isEmpty();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM digid_authn_request", Integer.class)).isZero();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void save_boundReached_refusesUntilEntriesExpire(String url) {
    JdbcTemplate jdbc = database(url);
    JdbcAuthnRequestStore store = new JdbcAuthnRequestStore(jdbc, 3);
    Instant now = Instant.now();
    for (int i = 0; i < 3; i++) {
      store.save(request("relay-bound-" + i + "000000000000", now, Duration.ofMinutes(1)), now);
    }
    assertThatThrownBy(() -> store.save(request("relay-bound-x000000000000", now, Duration.ofMinutes(1)), now))
        .isInstanceOf(StoreFullException.class);

    Instant later = now.plus(Duration.ofMinutes(2));
    store.save(request("relay-bound-y000000000000", later, Duration.ofMinutes(1)), later);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM digid_authn_request WHERE expires_at > ?", Integer.class, later.toEpochMilli()))
        .isEqualTo(1);
    assertThat(store.purgeExpired(later)).isEqualTo(3);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void firstUse_manyNodesAtOnce_exactlyOneWins(String url) throws Exception {
    JdbcTemplate jdbc = database(url);
    Instant now = Instant.now();

    List<Boolean> results = race(8, () -> new JdbcReplayCache(jdbc).firstUse(ReplayCache.ARTIFACT, "AAQAAsame-artifact", now.plusSeconds(600), now));

    assertThat(results.stream().filter(Boolean::booleanValue).count()).isEqualTo(1);
    assertThat(new JdbcReplayCache(jdbc).firstUse(ReplayCache.ASSERTION, "AAQAAsame-artifact", now.plusSeconds(600), now))
        .as("kinds are separate").isTrue();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void firstUse_afterExpiry_isFirstAgainAndPurgeRemovesExpired(String url) {
    JdbcTemplate jdbc = database(url);
    JdbcReplayCache cache = new JdbcReplayCache(jdbc);
    Instant now = Instant.now();
    assertThat(cache.firstUse(ReplayCache.ASSERTION, "_id1", now.plusSeconds(60), now)).isTrue();
    assertThat(cache.firstUse(ReplayCache.ASSERTION, "_id1", now.plusSeconds(60), now.plusSeconds(30))).isFalse();
    assertThat(cache.firstUse(ReplayCache.ASSERTION, "_id1", now.plusSeconds(200), now.plusSeconds(61))).isTrue();

    assertThat(cache.firstUse(ReplayCache.ASSERTION, "_id2", now.plusSeconds(10), now)).isTrue();
    assertThat(cache.purgeExpired(now.plusSeconds(100))).isEqualTo(1);
    assertThat(jdbc.queryForList("SELECT value_hash FROM digid_replay_cache", String.class))
        .hasSize(1).allMatch(h -> h.matches("[0-9a-f]{64}"));
  }

  private static <T> List<T> race(int threads, Callable<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(pool.submit(() -> {
          start.await();
          return task.call();
        }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
