package nl.noodrem.processes.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import nl.noodrem.processes.port.AuditLog;
import nl.noodrem.processes.port.CitizenNotifier;
import nl.noodrem.processes.store.JdbcAuditLog;
import nl.noodrem.processes.store.JdbcCitizenInbox;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

class ProcessesDefaultsAutoConfigurationTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ProcessesDefaultsAutoConfiguration.class))
      .withBean(JdbcTemplate.class, () -> mock(JdbcTemplate.class))
      .withBean(PlatformTransactionManager.class, () -> mock(PlatformTransactionManager.class));

  @Test
  void defaults_withoutAppBeans_areTheJdbcStoresAndTheSystemClock() {
    runner.run(context -> {
      assertThat(context).hasSingleBean(JdbcAuditLog.class).hasSingleBean(JdbcCitizenInbox.class)
          .hasSingleBean(Clock.class);
    });
  }

  @Test
  void defaults_appProvidesItsOwn_theDefaultsStepAside() {
    AuditLog own = record -> { };
    runner.withBean("appAuditLog", AuditLog.class, () -> own)
        .withBean("appNotifier", CitizenNotifier.class, () -> notice -> { })
        .withBean("appClock", Clock.class, Clock::systemUTC)
        .run(context -> {
          assertThat(context).doesNotHaveBean(JdbcAuditLog.class).doesNotHaveBean(JdbcCitizenInbox.class);
          assertThat(context.getBean(AuditLog.class)).isSameAs(own);
          assertThat(context).hasSingleBean(Clock.class);
        });
  }
}
