package nl.noodrem.processes.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.LocalDate;
import java.util.List;
import nl.noodrem.camel.api.ProcessGateway;
import nl.noodrem.domain.Oin;
import nl.noodrem.domain.event.DebtHelpEnded;
import nl.noodrem.processes.ProcessKeys;
import nl.noodrem.processes.port.AuditAction;
import nl.noodrem.processes.port.IssuanceRecord;
import nl.noodrem.processes.port.PortUnavailableException;
import nl.noodrem.processes.port.StatusSlot;
import nl.noodrem.processes.support.Fixture;
import nl.noodrem.processes.support.PrivacyScan;
import nl.noodrem.processes.support.TestEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = "bpmn/credential-revocation.bpmn")
class CredentialRevocationProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = TestEngine.extension(1.0);

  private static final Oin OTHER_MUNICIPALITY = Oin.of("00000001002220647999");

  private Fixture f;

  @BeforeEach
  void setUp(ProcessEngine engine) {
    BpmnAwareTests.init(engine);
    f = new Fixture(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void debtHelpEnded_issuedCredentials_revokesTheirBitsInOneBatch() throws Exception {
    issued("IS-AAAAAAAA", Fixture.MUNICIPALITY, new StatusSlot(3, 10));
    issued("IS-BBBBBBBB", Fixture.MUNICIPALITY, new StatusSlot(3, 11));
    issued("IS-CCCCCCCC", OTHER_MUNICIPALITY, new StatusSlot(4, 12));

    ProcessInstance instance = deliver("helpended-2026-01-15.csv:7");

    verify(f.statusLists).revoke(Fixture.MUNICIPALITY, List.of(new StatusSlot(3, 10), new StatusSlot(3, 11)));
    assertThat(instance).isEnded().hasPassed("Task_RevokeOnChain", "End_CredentialsRevoked");
    assertThat(f.issuances.revoked).containsExactlyInAnyOrder(new StatusSlot(3, 10), new StatusSlot(3, 11));
    assertThat(f.audit.actions()).contains(AuditAction.CREDENTIALS_REVOKED);
    assertThat(instance.getBusinessKey()).startsWith("RV-").doesNotContain("helpended");
    assertThat(PrivacyScan.databaseHits(f.engine, Fixture.CITIZEN)).isEmpty();
  }

  @Test
  void debtHelpEnded_deliveredTwice_revokesOnce() throws Exception {
    issued("IS-AAAAAAAA", Fixture.MUNICIPALITY, new StatusSlot(3, 10));
    deliver("helpended-2026-01-15.csv:7");

    assertThat(f.gateway.deliver(ended("helpended-2026-01-15.csv:7"))).isEqualTo(ProcessGateway.Delivery.DUPLICATE);
    assertThat(f.engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.CREDENTIAL_REVOCATION).count()).isEqualTo(1);
  }

  @Test
  void debtHelpEnded_nothingIssued_endsWithoutTouchingTheChain() throws Exception {
    ProcessInstance instance = deliver("queue-msg-42");

    assertThat(instance).isEnded().hasPassed("End_NothingToRevoke");
    verify(f.statusLists, never()).revoke(any(), any());
  }

  @Test
  void revokeOnChain_chainDown_retriesWithBackOffThenRaisesAnIncident() throws Exception {
    issued("IS-AAAAAAAA", Fixture.MUNICIPALITY, new StatusSlot(3, 10));
    doThrow(new PortUnavailableException("node unreachable", null)).when(f.statusLists)
        .revoke(eq(Fixture.MUNICIPALITY), any());
    f.gateway.deliver(ended("queue-msg-43"));
    var management = f.engine.getManagementService();
    management.executeJob(management.createJobQuery().activityId("Task_FindIssuedCredentials").singleResult()
        .getId());

    int attempts = 0;
    for (var job = management.createJobQuery().activityId("Task_RevokeOnChain").singleResult();
        job.getRetries() > 0; job = management.createJobQuery().activityId("Task_RevokeOnChain").singleResult()) {
      String id = job.getId();
      assertThatThrownBy(() -> management.executeJob(id)).hasMessageContaining("node unreachable");
      attempts++;
    }

    assertThat(attempts).isEqualTo(6);
    assertThat(f.engine.getRuntimeService().createIncidentQuery().activityId("Task_RevokeOnChain").count())
        .isEqualTo(1);
    assertThat(f.issuances.revoked).isEmpty();
  }

  private void issued(String ref, Oin issuer, StatusSlot slot) {
    f.issuances.save(new IssuanceRecord(ref, f.citizenRef(), issuer, slot, LocalDate.of(2027, 1, 1), Fixture.NOW));
  }

  private static DebtHelpEnded ended(String sourceId) {
    return new DebtHelpEnded(sourceId, Fixture.NOW, Fixture.CITIZEN, Fixture.MUNICIPALITY, LocalDate.of(2026, 1, 14),
        DebtHelpEnded.Reason.COMPLETED);
  }

  private ProcessInstance deliver(String sourceId) throws Exception {
    assertThat(f.gateway.deliver(ended(sourceId))).isEqualTo(ProcessGateway.Delivery.STARTED);
    ProcessInstance instance = f.engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.CREDENTIAL_REVOCATION).singleResult();
    f.runDueJobs();
    return instance;
  }
}
