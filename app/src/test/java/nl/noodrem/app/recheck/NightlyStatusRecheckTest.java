package nl.noodrem.app.recheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.noodrem.app.adapters.WalletRequests;
import nl.noodrem.app.chain.DemoMunicipalities;
import nl.noodrem.app.support.DevAppProperties;
import nl.noodrem.app.support.TestPorts;
import nl.noodrem.camel.api.ProcessGateway;
import nl.noodrem.domain.AssistanceType;
import nl.noodrem.domain.Bsn;
import nl.noodrem.domain.Oin;
import nl.noodrem.domain.event.CredentialStatusChanged;
import nl.noodrem.ledger.Ledger;
import nl.noodrem.ledger.LedgerUnavailableException;
import nl.noodrem.ledger.events.StatusEventSubscription;
import nl.noodrem.processes.ProcessKeys;
import nl.noodrem.processes.port.StatusListWriter;
import nl.noodrem.processes.port.StatusSlot;
import nl.noodrem.processes.service.BrakeService;
import nl.noodrem.processes.support.Vars;
import nl.noodrem.zkp.bbs.BbsCiphersuite;
import nl.noodrem.zkp.credential.BbsCredentialSigner;
import nl.noodrem.zkp.credential.BbsPresentationProver;
import nl.noodrem.zkp.credential.Credential;
import nl.noodrem.zkp.credential.DebtAssistanceCredentialV1;
import nl.noodrem.zkp.credential.KnownSchemas;
import nl.noodrem.zkp.keys.EncryptedFileIssuerKeyStore;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The nightly re-verification against the whole app on the dev chain: two citizens' brakes are pulled, their first
 * holds acknowledged by the collection-system stand-in, real BBS proofs presented on credentials whose slots are
 * allocated on chain, until both brakes hold and wait for a revocation. Then the chain's event subscription is
 * stopped (the outage in which an event is missed) and one credential is revoked on chain.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class NightlyStatusRecheckTest {

  @TempDir static Path dataDir;

  static final int port = TestPorts.free();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    DevAppProperties.register(registry, dataDir, port);
  }

  private static final Oin DEN_HAAG = DemoMunicipalities.DEN_HAAG.oin();
  /** Both have ordinary open cases in the collection-system stand-in's seed (no review needed). */
  private static final Bsn REVOKED_CITIZEN = Bsn.of("999993653");
  private static final Bsn KEPT_CITIZEN = Bsn.of("999990032");
  private static final Duration PATIENCE = Duration.ofSeconds(120);

  @Autowired NightlyStatusRecheck recheck;
  @Autowired BrakeService brakes;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired StatusListWriter statusLists;
  @Autowired EncryptedFileIssuerKeyStore issuerKeys;
  @Autowired StatusEventSubscription subscription;
  @Autowired ProcessGateway gateway;
  @Autowired Ledger ledger;

  // made once for the class (the context is the class's own): two held brakes take a minute
  private static ProcessInstance revokedBrake;
  private static ProcessInstance keptBrake;
  private static StatusSlot revokedSlot;
  private static NightlyStatusRecheck.Summary firstRun;

  @BeforeEach
  void twoHeldBrakes_oneCredentialRevokedWhileTheEventSubscriptionIsDown() throws Exception {
    if (firstRun != null) {
      return;
    }
    revokedSlot = statusLists.allocate(DEN_HAAG);
    StatusSlot keptSlot = statusLists.allocate(DEN_HAAG);
    revokedBrake = heldBrake(REVOKED_CITIZEN, revokedSlot);
    keptBrake = heldBrake(KEPT_CITIZEN, keptSlot);

    subscription.close();
    statusLists.revoke(DEN_HAAG, List.of(revokedSlot));
    assertThat(waitsForRevocation(revokedBrake)).as("the event never reached the brake").isTrue();

    firstRun = recheck.run();
  }

  @Test
  void recheck_credentialRevokedWithoutItsEvent_brakeEntersTheGracePeriod() {
    assertThat(firstRun.revoked()).isEqualTo(1);
    assertThat(firstRun.correlated()).isEqualTo(1);
    assertThat(firstRun.failed()).isZero();
    assertThat(firstRun.checked()).isGreaterThanOrEqualTo(2);
    assertThat(waitsForRevocation(revokedBrake)).isFalse();
    Awaitility.await().atMost(PATIENCE).untilAsserted(() ->
        assertThat(runtime.getVariable(revokedBrake.getId(), Vars.GRACE_END)).isNotNull());
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(revokedBrake.getId()).count())
        .as("the hold stays during the grace period").isEqualTo(1);
  }

  @Test
  void recheck_credentialNotRevoked_brakeStaysHeldAndWaiting() {
    // once more, reading the waiting brakes one per page
    var onePerPage = new NightlyStatusRecheck(runtime, ledger, gateway, new RecheckProperties(true, 1),
        Clock.systemUTC(), new SimpleMeterRegistry()).run();
    assertThat(onePerPage.waiting()).isGreaterThanOrEqualTo(1);
    assertThat(onePerPage.revoked()).isZero();

    assertThat(waitsForRevocation(keptBrake)).isTrue();
    assertThat(runtime.getVariable(keptBrake.getId(), Vars.GRACE_END)).isNull();
    assertThat(runtime.getVariable(keptBrake.getId(), Vars.REVOCATION_PENDING)).isEqualTo(false);
    assertThat(gracePeriodsStarted(keptBrake)).isZero();
  }

  @Test
  void recheck_runTwice_actsOnce() throws Exception {
    NightlyStatusRecheck.Summary second = recheck.run();

    assertThat(second.revoked()).as("the brake in its grace period no longer waits").isZero();
    assertThat(second.correlated()).isZero();
    Awaitility.await().atMost(PATIENCE).untilAsserted(() ->
        assertThat(runtime.getVariable(revokedBrake.getId(), Vars.GRACE_END)).isNotNull());
    assertThat(gracePeriodsStarted(revokedBrake)).isEqualTo(1);
    // and the same finding delivered again (a second node's run) is recognised by its source id
    assertThat(gateway.deliver(new CredentialStatusChanged(
        "recheck:" + revokedSlot.statusListId() + ":" + revokedSlot.statusIndex(), Instant.now(),
        revokedSlot.statusListId(), revokedSlot.statusIndex(), true, 1)))
        .isEqualTo(ProcessGateway.Delivery.DUPLICATE);
    assertThat(gracePeriodsStarted(revokedBrake)).isEqualTo(1);
  }

  @Test
  void nightly_chainUnreachable_warnsWithoutThrowingAndDeliversNothing() throws Exception {
    Ledger unreachable = mock(Ledger.class);
    when(unreachable.blockNumber()).thenThrow(new LedgerUnavailableException("connection refused"));
    when(unreachable.readStatuses(anyLong(), anyLong(), anyLong()))
        .thenThrow(new LedgerUnavailableException("connection refused"));
    ProcessGateway untouched = mock(ProcessGateway.class);
    var offline = new NightlyStatusRecheck(runtime, unreachable, untouched, new RecheckProperties(true, 1000),
        Clock.systemUTC(), new SimpleMeterRegistry());

    assertThatCode(offline::nightly).doesNotThrowAnyException();

    verify(untouched, never()).deliver(any());
    assertThat(waitsForRevocation(keptBrake)).isTrue();
  }

  // ---- a held brake as a citizen gets one ----

  private ProcessInstance heldBrake(Bsn bsn, StatusSlot slot) throws Exception {
    String brakeRef = brakes.pullBrake(bsn, true).brakeRef();
    // the stand-in acknowledges the first hold; then the brake asks for a proof
    Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() ->
        brakes.runningBrake(bsn).map(BrakeService.BrakeView::acceptsProof).orElse(false));
    var request = WalletRequests.toZkp(brakes.requestProof(bsn).orElseThrow());
    KnownSchemas schemas = KnownSchemas.builtIn();
    String presentation = new BbsPresentationProver(schemas, Clock.systemUTC())
        .prove(Credential.fromJson(credential(bsn, slot), schemas), request).toJson();
    assertThat(brakes.presentProof(bsn, presentation).status()).isEqualTo(BrakeService.ProofResult.Status.ACCEPTED);
    ProcessInstance brake = runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.EMERGENCY_BRAKE)
        .processInstanceBusinessKey(brakeRef).singleResult();
    // decided, extended, acknowledged, told: the brake holds and waits
    Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> waitsForRevocation(brake));
    return brake;
  }

  /** What Den Haag's issuance would have put in the citizen's wallet: signed with its key, on the given slot. */
  private String credential(Bsn bsn, StatusSlot slot) throws Exception {
    LocalDate today = LocalDate.now();
    var subject = new DebtAssistanceCredentialV1.Subject(bsn, DEN_HAAG, AssistanceType.MSNP, today.minusMonths(2),
        today.minusMonths(1), today.plusMonths(12), slot.statusListId(), slot.statusIndex(), 1_250_000, 7,
        "SHV-RECHECK-TEST");
    var key = issuerKeys.load(issuerKeys.currentKeyId(DEN_HAAG).orElseThrow());
    return new BbsCredentialSigner(BbsCiphersuite.BLS12_381_SHA_256, DebtAssistanceCredentialV1.SCHEMA, key,
        Clock.systemUTC()).sign(subject.toAttributes()).toJson();
  }

  private boolean waitsForRevocation(ProcessInstance brake) {
    return runtime.createEventSubscriptionQuery().processInstanceId(brake.getId()).eventType("message")
        .eventName(ProcessKeys.MSG_CREDENTIAL_REVOKED).count() > 0;
  }

  private long gracePeriodsStarted(ProcessInstance brake) {
    return history.createHistoricActivityInstanceQuery().processInstanceId(brake.getId())
        .activityId("Task_StartGracePeriod").count();
  }
}
