package nl.noodrem.processes.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import nl.noodrem.camel.api.CollectionSystem;
import nl.noodrem.camel.api.DebtHelpRegistry;
import nl.noodrem.camel.api.DeliveryException;
import nl.noodrem.camel.api.HoldAcknowledgement;
import nl.noodrem.camel.api.HoldCommand;
import nl.noodrem.camel.api.OpenCase;
import nl.noodrem.camel.api.ProcessGateway;
import nl.noodrem.domain.Bsn;
import nl.noodrem.domain.BsnPseudonymizer;
import nl.noodrem.domain.BsnSealer;
import nl.noodrem.domain.CaseNumber;
import nl.noodrem.domain.CitizenRef;
import nl.noodrem.domain.HoldPeriod;
import nl.noodrem.domain.Money;
import nl.noodrem.processes.ProcessKeys;
import nl.noodrem.processes.port.BrakeRegister;
import nl.noodrem.processes.port.CredentialSigner;
import nl.noodrem.processes.port.CredentialStatusReader;
import nl.noodrem.processes.port.IssuerAccreditor;
import nl.noodrem.processes.port.PresentationVerifier;
import nl.noodrem.processes.port.StatusListWriter;
import nl.noodrem.processes.service.BrakeService;
import nl.noodrem.processes.store.JdbcCitizenInbox;
import nl.noodrem.processes.support.PrivacyScan;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.camunda.bpm.spring.boot.starter.CamundaBpmAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The module as the app wires it: Spring Boot, the Camunda starter, H2, the JDBC stores and real transactions, with
 * only the outside systems mocked. Proves the bean names the models use, the schema, the history TTL setting,
 * idempotency in real transactions, and a brake through the whole stack without a BSN in any table.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:noodrem-spring;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "camunda.bpm.generic-properties.properties.history=full",
    "noodrem.process.history-time-to-live=P90D",
    "noodrem.process.sealing-key=dGVzdC1vbmx5LWZhY3Qtc2VhbGluZy1rZXktMzJieSE="})
class ProcessesConfigurationTest {

  static final Bsn CITIZEN = Bsn.of("123456782");

  @SpringBootConfiguration
  @ImportAutoConfiguration({
      DataSourceAutoConfiguration.class,
      DataSourceTransactionManagerAutoConfiguration.class,
      JdbcTemplateAutoConfiguration.class,
      TransactionAutoConfiguration.class,
      CamundaBpmAutoConfiguration.class,
      ProcessesDefaultsAutoConfiguration.class})
  @Import(ProcessesConfiguration.class)
  static class App {
    @Bean
    BsnPseudonymizer pseudonymizer() {
      return new BsnPseudonymizer(filled('p'));
    }

    @Bean
    BsnSealer bsnSealer() {
      return new BsnSealer(filled('s'));
    }

    private static byte[] filled(char c) {
      byte[] key = new byte[32];
      Arrays.fill(key, (byte) c);
      return key;
    }
  }

  @MockitoBean CollectionSystem collectionSystem;
  @MockitoBean DebtHelpRegistry registry;
  @MockitoBean PresentationVerifier verifier;
  @MockitoBean CredentialStatusReader statusReader;
  @MockitoBean CredentialSigner signer;
  @MockitoBean StatusListWriter statusLists;
  @MockitoBean IssuerAccreditor accreditor;

  @Autowired ProcessEngine engine;
  @Autowired BrakeService brakeService;
  @Autowired ProcessGateway gateway;
  @Autowired BrakeRegister brakes;
  @Autowired JdbcCitizenInbox inbox;
  @Autowired BsnPseudonymizer pseudonymizer;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;

  /**
   * Process tests register delegates in Camunda's thread-local {@code Mocks}; Camunda resolves expressions from
   * there before Spring beans, so leftovers from a process test in the same JVM would run instead of this context's.
   */
  @org.junit.jupiter.api.BeforeEach
  void forgetProcessTestMocks() {
    org.camunda.bpm.engine.test.mock.Mocks.reset();
  }

  @Test
  void startup_deploysTheFourProcessesAndTheDecisionWithTheConfiguredHistoryTimeToLive() {
    var definitions = engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list();

    assertThat(definitions).extracting("key").contains(ProcessKeys.EMERGENCY_BRAKE, ProcessKeys.CREDENTIAL_ISSUANCE,
        ProcessKeys.CREDENTIAL_REVOCATION, ProcessKeys.ISSUER_ONBOARDING);
    assertThat(definitions).filteredOn(d -> d.getKey().startsWith("e") || d.getKey().startsWith("c")
        || d.getKey().startsWith("i")).allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).isEqualTo(90));
    assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey("hold-decision")
        .latestVersion().singleResult().getHistoryTimeToLive()).isEqualTo(90);
  }

  @Test
  void brakeRegister_secondClaimForTheSameCitizen_isRefusedInsideTheCallersTransaction() {
    CitizenRef citizen = new CitizenRef("cz-0123456789abcdef0123456789abcdef");

    Boolean second = transactions.execute(status -> {
      assertThat(brakes.claim(citizen, "NR-TEST0001", LocalDate.of(2026, 1, 1))).isTrue();
      boolean refused = brakes.claim(citizen, "NR-TEST0002", LocalDate.of(2026, 1, 2));
      // the transaction survives the duplicate (savepoint), so this still works
      brakes.release("NR-TEST0001", LocalDate.of(2026, 1, 3), "NO_PROOF_PRESENTED");
      return refused;
    });

    assertThat(second).isFalse();
    assertThat(brakes.activeBrake(citizen)).isEmpty();
    assertThat(brakes.claim(citizen, "NR-TEST0003", LocalDate.of(2026, 2, 1))).isTrue();
    assertThat(brakes.countSince(citizen, LocalDate.of(2025, 1, 1), "NR-TEST0003")).isEqualTo(1);
    assertThat(brakes.lastEndedWithoutProof(citizen)).contains(LocalDate.of(2026, 1, 3));
    brakes.release("NR-TEST0003", LocalDate.of(2026, 3, 1), "PERIOD_ENDED");
    assertThat(brakes.lastEndedWithoutProof(citizen)).contains(LocalDate.of(2026, 1, 3));
    assertThat(brakes.lastEndedWithoutProof(new CitizenRef("cz-ffffffffffffffffffffffffffffffff"))).isEmpty();
  }

  @Test
  void brake_throughTheWholeStack_holdsNotifiesAndStoresNoBsn() throws Exception {
    when(collectionSystem.openCases(any())).thenReturn(List.of(new OpenCase(CaseNumber.of("WAHV000000000001"),
        OpenCase.Kind.WAHV, Money.ofCents(9_000), OpenCase.Stage.DECISION, LocalDate.of(2025, 1, 1), false)));

    BrakeService.PullResult pulled = brakeService.pullBrake(CITIZEN, true);
    runJobs();
    ArgumentCaptor<HoldCommand> hold = ArgumentCaptor.forClass(HoldCommand.class);
    verify(collectionSystem).sendHold(hold.capture());
    HoldAcknowledgement ack = new HoldAcknowledgement(hold.getValue().commandId(), pulled.brakeRef(),
        HoldAcknowledgement.Action.HOLD, hold.getValue().cases(), List.of(), null);

    assertThat(gateway.holdAcknowledged(ack)).isEqualTo(ProcessGateway.Delivery.CORRELATED);
    assertThat(gateway.holdAcknowledged(ack)).isEqualTo(ProcessGateway.Delivery.DUPLICATE);
    runJobs();

    assertThat(brakeService.runningBrake(CITIZEN).orElseThrow().acceptsProof()).isTrue();
    assertThat(inbox.inbox(pseudonymizer.pseudonymize(CITIZEN))).singleElement()
        .satisfies(m -> assertThat(m.dutch()).contains(pulled.brakeRef()));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM noodrem_audit WHERE reference = ?", Integer.class,
        pulled.brakeRef())).isGreaterThanOrEqualTo(3);
    assertThat(PrivacyScan.databaseHits(engine, CITIZEN)).isEmpty();
  }

  @Test
  void holdAcknowledged_beforeTheBrakeWaits_isRetryableLeavesNoMarkLogsNoErrorAndCorrelatesWhenRedelivered()
      throws Exception {
    CaseNumber held = CaseNumber.of("WAHV000000000002");
    when(collectionSystem.openCases(any())).thenReturn(List.of(new OpenCase(held,
        OpenCase.Kind.WAHV, Money.ofCents(9_000), OpenCase.Stage.DECISION, LocalDate.of(2025, 1, 1), false)));
    BrakeService.PullResult pulled = brakeService.pullBrake(Bsn.of("999993653"), true);
    LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"));
    String commandId = new HoldCommand(pulled.brakeRef(), "first", List.of(held), HoldPeriod.ofMonths(today, 4), true)
        .commandId();
    HoldAcknowledgement early = new HoldAcknowledgement(commandId, pulled.brakeRef(),
        HoldAcknowledgement.Action.HOLD, List.of(held), List.of(), null);
    var logs = PrivacyScan.captureLogs();

    assertThatThrownBy(() -> gateway.holdAcknowledged(early)).isInstanceOfSatisfying(DeliveryException.class,
        e -> assertThat(e.retryable()).isTrue());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM noodrem_processed_event WHERE source_id LIKE ?",
        Integer.class, "%" + pulled.brakeRef() + "%")).isZero();
    // kept by the route (it redelivers), not an error: no ERROR line, no stack trace (the engine's ENGINE-16004)
    assertThat(logs.list).noneMatch(e -> e.getLevel() == ch.qos.logback.classic.Level.ERROR);
    assertThat(logs.list).noneMatch(e -> e.getThrowableProxy() != null);
    assertThat(logs.list).anyMatch(e -> e.getFormattedMessage().startsWith(
        nl.noodrem.processes.service.DefaultProcessGateway.EARLY_ACKNOWLEDGEMENT));

    runJobs();
    assertThat(gateway.holdAcknowledged(early)).isEqualTo(ProcessGateway.Delivery.CORRELATED);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(pulled.brakeRef())
        .singleResult()).isNotNull();
    assertThat(engine.getRuntimeService().createEventSubscriptionQuery()
        .eventName(nl.noodrem.processes.ProcessKeys.MSG_HOLD_ACKNOWLEDGED).list()).isEmpty();
  }

  /** Runs the async continuations (message jobs), whatever the engine clock says; timers stay. */
  private void runJobs() {
    var management = engine.getManagementService();
    for (int round = 0; round < 20; round++) {
      List<Job> due = management.createJobQuery().messages().withRetriesLeft().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
  }
}
