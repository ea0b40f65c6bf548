package nl.noodrem.processes.config;

import java.time.Clock;
import nl.noodrem.processes.port.AuditLog;
import nl.noodrem.processes.port.BrakeRegister;
import nl.noodrem.processes.port.CitizenNotifier;
import nl.noodrem.processes.port.IssuanceRecords;
import nl.noodrem.processes.port.ProcessedEvents;
import nl.noodrem.processes.store.JdbcAuditLog;
import nl.noodrem.processes.store.JdbcBrakeRegister;
import nl.noodrem.processes.store.JdbcCitizenInbox;
import nl.noodrem.processes.store.JdbcIssuanceRecords;
import nl.noodrem.processes.store.JdbcProcessedEvents;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Defaults the app may replace with its own bean of the same type. An auto-configuration (listed in
 * {@code META-INF/spring/...AutoConfiguration.imports}), because {@code @ConditionalOnMissingBean} is only reliable
 * once all of the app's own configuration has been read.
 */
@AutoConfiguration(after = JdbcTemplateAutoConfiguration.class)
public class ProcessesDefaultsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(Clock.class)
  Clock noodremClock() {
    return Clock.systemUTC();
  }

  @Bean
  @ConditionalOnMissingBean(BrakeRegister.class)
  JdbcBrakeRegister jdbcBrakeRegister(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    return new JdbcBrakeRegister(jdbc, transactions);
  }

  @Bean
  @ConditionalOnMissingBean(IssuanceRecords.class)
  JdbcIssuanceRecords jdbcIssuanceRecords(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    return new JdbcIssuanceRecords(jdbc, transactions);
  }

  @Bean
  @ConditionalOnMissingBean(ProcessedEvents.class)
  JdbcProcessedEvents jdbcProcessedEvents(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
    return new JdbcProcessedEvents(jdbc, transactions, clock);
  }

  @Bean
  @ConditionalOnMissingBean(AuditLog.class)
  JdbcAuditLog jdbcAuditLog(JdbcTemplate jdbc) {
    return new JdbcAuditLog(jdbc);
  }

  @Bean
  @ConditionalOnMissingBean(CitizenNotifier.class)
  JdbcCitizenInbox jdbcCitizenInbox(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
    return new JdbcCitizenInbox(jdbc, transactions, clock);
  }
}
