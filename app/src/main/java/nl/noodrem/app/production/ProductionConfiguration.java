package nl.noodrem.app.production;

import java.time.Clock;
import java.util.List;
import nl.noodrem.ledger.events.CheckpointStore;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * What a production deployment adds to the app: schema migrations before anything touches the database, the chain
 * subscription's shared checkpoint, Camunda authorizations for the staff groups, and the guard against development
 * settings. Each piece is switched by the property the production profile sets, so tests can take one at a time.
 */
@Configuration(proxyBeanMethods = false)
public class ProductionConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(ProductionConfiguration.class);

  @Bean
  @Profile("production")
  static ProductionGuard noodremProductionGuard() {
    return new ProductionGuard();
  }

  /**
   * Spring Boot's own Flyway run (it finds flyway-core on the classpath) does nothing in any profile: the dev
   * profile's schema comes from the modules' scripts, and where migrations are on, {@link SchemaMigrations} runs
   * them before the first bean uses the database.
   */
  @Bean
  FlywayMigrationStrategy noodremNoBootFlywayRun() {
    return flyway -> { };
  }

  @Bean
  @ConditionalOnProperty(name = "noodrem.database.migrate", havingValue = "flyway")
  static SchemaMigrations noodremSchemaMigrations() {
    return new SchemaMigrations();
  }

  @Bean
  @ConditionalOnProperty(name = "noodrem.chain.checkpoint-store", havingValue = "jdbc")
  CheckpointStore noodremChainCheckpointStore(JdbcTemplate jdbc, Clock clock) {
    return new JdbcCheckpointStore(jdbc, "status-events", clock);
  }

  @Bean
  @ConditionalOnProperty(name = "camunda.bpm.authorization.enabled", havingValue = "true")
  StaffAuthorizationsRunner noodremStaffAuthorizations(AuthorizationService authorizations, IdentityService identity,
      @Value("${noodrem.staff.municipalities:}") List<String> municipalities) {
    return new StaffAuthorizationsRunner(new StaffAuthorizations(authorizations, identity), municipalities);
  }

  /** Applies the grants at start and every few minutes (new counsellor groups made in Admin; another node's run). */
  static final class StaffAuthorizationsRunner implements ApplicationRunner {

    private final StaffAuthorizations staff;
    private final List<String> municipalities;

    StaffAuthorizationsRunner(StaffAuthorizations staff, List<String> municipalities) {
      this.staff = staff;
      this.municipalities = municipalities.stream().filter(s -> !s.isBlank()).toList();
    }

    @Override
    public void run(ApplicationArguments args) {
      apply();
    }

    @Scheduled(fixedDelayString = "${noodrem.staff.authorizations-refresh:PT5M}",
        initialDelayString = "${noodrem.staff.authorizations-refresh:PT5M}")
    void apply() {
      try {
        int changed = staff.apply(municipalities);
        if (changed > 0) {
          LOG.info("staff authorizations: {} grant(s) created or widened", changed);
        }
      } catch (RuntimeException e) {
        // two nodes granting at the same moment: one loses on the unique key and the next run finds it done
        LOG.warn("staff authorizations not applied now: {}", e.getMessage());
      }
    }
  }
}
