package nl.noodrem.camel.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import nl.noodrem.camel.errors.PayloadSealer;
import nl.noodrem.camel.health.BridgeHealth;
import nl.noodrem.camel.retention.Housekeeping;
import nl.noodrem.camel.health.BridgeMetrics;
import nl.noodrem.camel.health.PollTracker;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.core.env.Environment;
import javax.sql.DataSource;
import nl.noodrem.camel.api.ChainStatusInbox;
import nl.noodrem.camel.api.CollectionSystem;
import nl.noodrem.camel.api.DeadLetterService;
import nl.noodrem.camel.api.DebtHelpRegistry;
import nl.noodrem.camel.api.ProcessGateway;
import nl.noodrem.camel.batch.DebtHelpBatchRouteBuilder;
import nl.noodrem.camel.chain.CamelChainStatusInbox;
import nl.noodrem.camel.chain.ChainStatusRouteBuilder;
import nl.noodrem.camel.collection.CamelCollectionSystem;
import nl.noodrem.camel.collection.CaseEventsRouteBuilder;
import nl.noodrem.camel.collection.CollectionAckRouteBuilder;
import nl.noodrem.camel.collection.CollectionCommandOutbox;
import nl.noodrem.camel.collection.CollectionCommandRouteBuilder;
import nl.noodrem.camel.collection.OpenCasesRouteBuilder;
import nl.noodrem.camel.errors.BridgeErrorHandling;
import nl.noodrem.camel.errors.DeadLetterRouteBuilder;
import nl.noodrem.camel.errors.JdbcDeadLetterStore;
import nl.noodrem.camel.legacydb.DebtHelpDbPollingRouteBuilder;
import nl.noodrem.camel.soap.DebtHelpSoapRouteBuilder;
import nl.noodrem.camel.soap.SoapDebtHelpRegistry;
import nl.noodrem.camel.soap.SoapTimeoutConfigurer;
import nl.noodrem.camel.soap.SoapTls;
import nl.noodrem.domain.BsnPseudonymizer;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jms.JmsAutoConfiguration;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisAutoConfiguration;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Noodrem's Camel bridges to the legacy systems and the chain. Registered as a Spring Boot
 * auto-configuration: an app with this module on its classpath gets the shared error handling, the
 * dead-letter store and each bridge whose {@code noodrem.legacy.<bridge>.enabled} is true.
 *
 * <p>The app must provide a {@link ProcessGateway} bean and a (primary) {@link DataSource} for the
 * idempotent repositories and dead letters; it may provide a {@link BsnPseudonymizer}, else one is made
 * from {@code noodrem.privacy.pseudonym-key}.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, ArtemisAutoConfiguration.class,
    JmsAutoConfiguration.class})
@EnableConfigurationProperties({ErrorHandlingProperties.class, DebtHelpSoapProperties.class,
    DebtHelpBatchProperties.class, DebtHelpDbProperties.class, CollectionProperties.class, PrivacyProperties.class,
    BridgeHealthProperties.class, RetentionProperties.class})
public class CamelBridgesAutoConfiguration {

  @Bean
  BridgeErrorHandling noodremBridgeErrorHandling(ErrorHandlingProperties properties) {
    return new BridgeErrorHandling(properties);
  }

  /** Also the {@link DeadLetterService} of every bridge, for a person (later the app's REST API). */
  @Bean
  JdbcDeadLetterStore noodremDeadLetterStore(DataSource dataSource, CamelContext camelContext,
      PrivacyProperties privacy) {
    if (privacy.sealingKey() == null || privacy.sealingKey().isBlank()) {
      throw new IllegalStateException("noodrem.privacy.sealing-key is not set: dead-letter payloads are sealed with it");
    }
    JdbcDeadLetterStore store = new JdbcDeadLetterStore(dataSource, camelContext,
        new PayloadSealer(Base64.getDecoder().decode(privacy.sealingKey().strip())));
    store.createTableIfMissing();
    return store;
  }

  /** Retention of dead letters, idempotency keys and processed batch files; see {@link Housekeeping}. */
  @Bean(destroyMethod = "stop")
  Housekeeping noodremBridgeHousekeeping(JdbcDeadLetterStore store, DataSource dataSource,
      RetentionProperties retention, DebtHelpBatchProperties batch, Environment environment) {
    List<java.nio.file.Path> folders = new ArrayList<>();
    if (enabled(environment, "debt-help-batch") && batch.directoryEnabled()) {
      java.nio.file.Path inbox = java.nio.file.Path.of(batch.directory());
      folders.add(inbox.resolve(DebtHelpBatchRouteBuilder.PROCESSED_FOLDER));
      folders.add(inbox.resolve(DebtHelpBatchRouteBuilder.QUARANTINE_FOLDER));
    }
    Housekeeping housekeeping = new Housekeeping(store, dataSource, Clock.systemUTC(),
        Duration.ofDays(retention.deadLetterDays()), Duration.ofDays(retention.idempotencyDays()),
        Duration.ofDays(retention.processedEventDays()), Duration.ofDays(Math.max(0, batch.processedRetentionDays())),
        folders);
    housekeeping.start(Duration.ofMillis(retention.intervalMs()));
    return housekeeping;
  }

  @Bean
  DeadLetterRouteBuilder noodremDeadLetterRoute(JdbcDeadLetterStore store) {
    return new DeadLetterRouteBuilder(store);
  }

  /** The poll strategy of every polling consumer, bound by this name ({@code pollStrategy=#noodremPollTracker}). */
  @Bean(PollTracker.BEAN_NAME)
  PollTracker noodremPollTracker() {
    return new PollTracker(Clock.systemUTC());
  }

  @Bean
  BridgeMetrics noodremBridgeMetrics(ObjectProvider<MeterRegistry> registry) {
    return new BridgeMetrics(registry.getIfAvailable());
  }

  /** Watches every bridge that is on; see {@link BridgeHealth}. */
  @Bean(initMethod = "start", destroyMethod = "stop")
  BridgeHealth noodremBridgeHealth(CamelContext camelContext, PollTracker polls, BridgeMetrics metrics,
      BridgeHealthProperties health, DebtHelpBatchProperties batch, DebtHelpDbProperties db, Environment environment) {
    List<BridgeHealth.Watched> watched = new ArrayList<>();
    if (enabled(environment, "debt-help-batch")) {
      Duration delay = Duration.ofMillis(batch.pollDelayMs());
      watched.add(new BridgeHealth.Watched("debt-help-batch",
          List.of(DebtHelpBatchRouteBuilder.DIRECTORY_ROUTE_ID, DebtHelpBatchRouteBuilder.SFTP_ROUTE_ID,
              DebtHelpBatchRouteBuilder.FILE_ROUTE_ID, DebtHelpBatchRouteBuilder.LINE_ROUTE_ID),
          Map.of(DebtHelpBatchRouteBuilder.DIRECTORY_ROUTE_ID, delay, DebtHelpBatchRouteBuilder.SFTP_ROUTE_ID, delay)));
    }
    if (enabled(environment, "debt-help-db")) {
      watched.add(new BridgeHealth.Watched("debt-help-db",
          List.of(DebtHelpDbPollingRouteBuilder.POLL_ROUTE_ID, DebtHelpDbPollingRouteBuilder.ROW_ROUTE_ID),
          Map.of(DebtHelpDbPollingRouteBuilder.POLL_ROUTE_ID, Duration.ofMillis(db.pollDelayMs()))));
    }
    if (enabled(environment, "collection")) {
      watched.add(new BridgeHealth.Watched("collection",
          List.of(CollectionAckRouteBuilder.CONSUMER_ROUTE_ID, CollectionAckRouteBuilder.ROUTE_ID,
              CaseEventsRouteBuilder.CONSUMER_ROUTE_ID, CaseEventsRouteBuilder.ROUTE_ID,
              CollectionCommandRouteBuilder.ROUTE_ID, OpenCasesRouteBuilder.ROUTE_ID),
          Map.of()));
    }
    if (enabled(environment, "debt-help-soap")) {
      watched.add(new BridgeHealth.Watched("debt-help-soap", List.of(DebtHelpSoapRouteBuilder.ROUTE_ID), Map.of()));
    }
    if (enabled(environment, "chain-status")) {
      watched.add(new BridgeHealth.Watched("chain-status", List.of(ChainStatusRouteBuilder.ROUTE_ID), Map.of()));
    }
    watched.add(new BridgeHealth.Watched("dead-letters", List.of(DeadLetterRouteBuilder.ROUTE_ID), Map.of()));
    return new BridgeHealth(camelContext, polls, metrics, Clock.systemUTC(),
        new BridgeHealth.Policy(Duration.ofMillis(health.checkIntervalMs()), health.pollOverdueFactor(),
            Duration.ofMillis(health.pollOverdueMinMs()), health.restart(), health.maxRestarts()),
        watched);
  }

  /** {@code /actuator/health} component {@code bridges}: one indicator per bridge. */
  @Bean
  HealthContributor bridgesHealthContributor(BridgeHealth health) {
    return health.healthContributor();
  }

  private static boolean enabled(Environment environment, String bridge) {
    return environment.getProperty("noodrem.legacy." + bridge + ".enabled", Boolean.class, false);
  }

  static JdbcMessageIdRepository repository(DataSource dataSource, String processorName) {
    return new JdbcMessageIdRepository(dataSource, processorName);
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(prefix = "noodrem.legacy.debt-help-soap", name = "enabled", havingValue = "true")
  static class DebtHelpSoapBridge {

    @Bean
    DebtHelpSoapRouteBuilder noodremDebtHelpSoapRoute(DebtHelpSoapProperties properties) {
      var tls = properties.tls();
      return new DebtHelpSoapRouteBuilder(new SoapTimeoutConfigurer(properties.connectTimeoutMs(),
          properties.receiveTimeoutMs(), tls == null ? null : SoapTls.clientParameters(tls.keyStore(),
              tls.keyStorePassword(), tls.keyStoreType(), tls.trustStore(), tls.trustStorePassword())));
    }

    @Bean
    @ConditionalOnMissingBean(DebtHelpRegistry.class)
    SoapDebtHelpRegistry noodremDebtHelpRegistry(CamelContext camelContext, DebtHelpSoapProperties properties) {
      return new SoapDebtHelpRegistry(camelContext.createProducerTemplate(), properties.addresses());
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(prefix = "noodrem.legacy.debt-help-batch", name = "enabled", havingValue = "true")
  static class DebtHelpBatchBridge {

    @Bean
    DebtHelpBatchRouteBuilder noodremDebtHelpBatchRoutes(DebtHelpBatchProperties properties, ProcessGateway gateway,
        DataSource dataSource, JdbcDeadLetterStore deadLetters, BridgeMetrics metrics, PollTracker polls) {
      return new DebtHelpBatchRouteBuilder(properties, gateway,
          repository(dataSource, DebtHelpBatchRouteBuilder.FILE_REPOSITORY),
          repository(dataSource, DebtHelpBatchRouteBuilder.RECORD_REPOSITORY), deadLetters, metrics, polls);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(prefix = "noodrem.legacy.debt-help-db", name = "enabled", havingValue = "true")
  static class DebtHelpDbBridge {

    @Bean(destroyMethod = "close")
    LegacyDataSource noodremLegacyDebtHelpDataSource(DebtHelpDbProperties properties) {
      return new LegacyDataSource("noodrem-legacy-debt-help", properties.jdbcUrl(), properties.username(),
          properties.password(), 2);
    }

    @Bean
    DebtHelpDbPollingRouteBuilder noodremDebtHelpDbRoutes(LegacyDataSource noodremLegacyDebtHelpDataSource,
        ProcessGateway gateway, DataSource dataSource) {
      return new DebtHelpDbPollingRouteBuilder(noodremLegacyDebtHelpDataSource.dataSource(), gateway,
          repository(dataSource, DebtHelpDbPollingRouteBuilder.REPOSITORY));
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(prefix = "noodrem.legacy.collection", name = "enabled", havingValue = "true")
  static class CollectionBridge {

    @Bean(destroyMethod = "close")
    LegacyDataSource noodremCollectionSystemDataSource(CollectionProperties properties) {
      return new LegacyDataSource("noodrem-collection-system", properties.jdbcUrl(), properties.username(),
          properties.password(), 4);
    }

    @Bean
    OpenCasesRouteBuilder noodremOpenCasesRoute(LegacyDataSource noodremCollectionSystemDataSource) {
      return new OpenCasesRouteBuilder(noodremCollectionSystemDataSource.dataSource());
    }

    @Bean(destroyMethod = "close")
    CollectionCommandOutbox noodremCollectionCommandOutbox(DataSource dataSource, CamelContext camelContext,
        CollectionProperties properties) {
      CollectionCommandOutbox outbox = new CollectionCommandOutbox(dataSource, camelContext.createProducerTemplate(),
          java.time.Duration.ofMillis(properties.outboxClaimTimeoutMs()), java.time.Clock.systemUTC());
      outbox.createTableIfMissing();
      return outbox;
    }

    @Bean
    CollectionCommandRouteBuilder noodremCollectionCommandRoute(CollectionCommandOutbox outbox) {
      return new CollectionCommandRouteBuilder(outbox);
    }

    @Bean
    CollectionAckRouteBuilder noodremCollectionAckRoutes(ProcessGateway gateway, DataSource dataSource) {
      return new CollectionAckRouteBuilder(gateway, repository(dataSource, CollectionAckRouteBuilder.REPOSITORY));
    }

    @Bean
    CaseEventsRouteBuilder noodremCaseEventsRoutes(ProcessGateway gateway, BsnPseudonymizer pseudonymizer,
        DataSource dataSource) {
      return new CaseEventsRouteBuilder(gateway, pseudonymizer,
          repository(dataSource, CaseEventsRouteBuilder.REPOSITORY));
    }

    @Bean
    @ConditionalOnMissingBean(CollectionSystem.class)
    CamelCollectionSystem noodremCollectionSystem(CamelContext camelContext, CollectionCommandOutbox outbox) {
      return new CamelCollectionSystem(camelContext.createProducerTemplate(), outbox);
    }

    /**
     * The embedded broker only (an external one is configured by its operators): redelivery with
     * back-off and the DLQ address for the collection system's queues.
     */
    @Bean
    ArtemisConfigurationCustomizer noodremCollectionQueuesCustomizer(CollectionProperties properties) {
      return configuration -> {
        for (String queue : new String[] {properties.commandsQueue(), properties.acksQueue(),
            properties.caseEventsQueue()}) {
          configuration.addAddressSetting(queue, new AddressSettings()
              .setDeadLetterAddress(SimpleString.of(properties.brokerDeadLetterAddress()))
              .setMaxDeliveryAttempts(properties.brokerMaxDeliveryAttempts())
              .setRedeliveryDelay(properties.brokerRedeliveryDelayMs())
              .setRedeliveryMultiplier(2.0)
              .setMaxRedeliveryDelay(properties.brokerRedeliveryDelayMs() * 30));
        }
      };
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(prefix = "noodrem.legacy.chain-status", name = "enabled", havingValue = "true")
  static class ChainStatusBridge {

    @Bean
    ChainStatusRouteBuilder noodremChainStatusRoute(ProcessGateway gateway, DataSource dataSource) {
      return new ChainStatusRouteBuilder(gateway, repository(dataSource, ChainStatusRouteBuilder.REPOSITORY));
    }

    @Bean
    @ConditionalOnMissingBean(ChainStatusInbox.class)
    CamelChainStatusInbox noodremChainStatusInbox(CamelContext camelContext) {
      return new CamelChainStatusInbox(camelContext.createProducerTemplate());
    }
  }

  /** Only when the app has none of its own: made from {@code noodrem.privacy.pseudonym-key} (base64). */
  @Bean
  @ConditionalOnMissingBean(BsnPseudonymizer.class)
  @ConditionalOnProperty(prefix = "noodrem.privacy", name = "pseudonym-key")
  BsnPseudonymizer noodremBsnPseudonymizer(PrivacyProperties properties) {
    return new BsnPseudonymizer(Base64.getDecoder().decode(properties.pseudonymKey()));
  }
}
