package nl.noodrem.processes.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import nl.noodrem.processes.ProcessKeys;
import nl.noodrem.processes.port.AuditAction;
import nl.noodrem.processes.port.IssuerApplication;
import nl.noodrem.processes.port.PortUnavailableException;
import nl.noodrem.processes.support.Fixture;
import nl.noodrem.processes.support.TestEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = "bpmn/issuer-onboarding.bpmn")
class IssuerOnboardingProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = TestEngine.extension(1.0);

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

  static IssuerApplication application() {
    byte[] key = new byte[96];
    Arrays.fill(key, (byte) 0xa5);
    return new IssuerApplication(Fixture.MUNICIPALITY, "Gemeente Voorbeeld",
        "0x00000000000000000000000000000000000000a1", "voorbeeld-2026-1", key,
        Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2028-01-01T00:00:00Z"));
  }

  @Test
  void requestAccreditation_approvedByAnotherAdmin_accreditsOnChain() throws Exception {
    when(f.accreditor.accredit(any())).thenReturn("0xabc");
    ProcessInstance instance = start();
    Task review = f.engine.getTaskService().createTaskQuery().taskCandidateGroup("ministry-network-admins")
        .singleResult();
    assertThat(f.engine.getFormService().getTaskFormVariables(review.getId()).getValue("keyFingerprint",
        String.class)).matches("([0-9a-f]{4} ){7}[0-9a-f]{4}");

    f.completeAs(Fixture.networkAdmin("admin-b"), review.getId(), Map.of("accreditationDecision", "APPROVE"));
    f.runDueJobs();

    verify(f.accreditor).accredit(application());
    assertThat(instance).isEnded().hasPassed("Task_AccreditOnChain", "End_IssuerAccredited")
        .variables().containsEntry("accreditationTx", "0xabc");
    assertThat(f.audit.actions()).contains(AuditAction.ACCREDITATION_REQUESTED, AuditAction.ISSUER_ACCREDITED);
  }

  @Test
  void reviewAccreditation_rejected_writesNothingOnChain() throws Exception {
    ProcessInstance instance = start();
    Task review = f.engine.getTaskService().createTaskQuery().singleResult();
    f.completeAs(Fixture.networkAdmin("admin-b"), review.getId(), Map.of("accreditationDecision", "REJECT"));

    assertThat(instance).isEnded().hasPassed("End_AccreditationRejected");
    verify(f.accreditor, never()).accredit(any());
    assertThat(f.audit.records).anyMatch(r -> r.action() == AuditAction.ACCREDITATION_REJECTED
        && r.actor().equals("admin-b"));
  }

  @Test
  void reviewAccreditation_byTheRequester_isRefused() {
    start();
    Task review = f.engine.getTaskService().createTaskQuery().singleResult();
    assertThatThrownBy(() -> f.completeAs(Fixture.networkAdmin("admin-a"), review.getId(),
        Map.of("accreditationDecision", "APPROVE"))).hasMessageContaining("four eyes");
    assertThatThrownBy(() -> f.completeAs(Fixture.networkAdmin("admin-b"), review.getId(),
        Map.of("accreditationDecision", "APPROVE"))).hasMessageContaining("Claim the task yourself");
    f.engine.getTaskService().setAssignee(review.getId(), null);
    assertThatThrownBy(() -> f.completeAs(Fixture.networkAdmin("admin-b"), review.getId(),
        Map.of("accreditationDecision", "LATER"))).hasMessageContaining("must be one of");
  }

  @Test
  void accreditOnChain_chainDown_retriesThenRaisesAnIncident() throws Exception {
    when(f.accreditor.accredit(any())).thenThrow(new PortUnavailableException("not mined in time", null));
    start();
    Task review = f.engine.getTaskService().createTaskQuery().singleResult();
    f.completeAs(Fixture.networkAdmin("admin-b"), review.getId(), Map.of("accreditationDecision", "APPROVE"));
    var management = f.engine.getManagementService();

    int attempts = 0;
    for (var job = management.createJobQuery().singleResult(); job.getRetries() > 0;
        job = management.createJobQuery().singleResult()) {
      String id = job.getId();
      assertThatThrownBy(() -> management.executeJob(id)).hasMessageContaining("not mined");
      attempts++;
    }

    assertThat(attempts).isEqualTo(6);
    assertThat(f.engine.getRuntimeService().createIncidentQuery().activityId("Task_AccreditOnChain").count())
        .isEqualTo(1);
  }

  @Test
  void issuerApplication_invalidInput_isRefusedBeforeAnyProcessStarts() {
    assertThatThrownBy(() -> IssuerApplication.parsePublicKeyHex("abcd")).hasMessageContaining("192 hex digits");
    assertThatThrownBy(() -> new IssuerApplication(Fixture.MUNICIPALITY, "X", "0x12", "k", new byte[96],
        Instant.EPOCH, Instant.EPOCH.plusSeconds(1))).hasMessageContaining("account");
    assertThatThrownBy(() -> f.onboardingService.requestAccreditation(application(), " "))
        .hasMessageContaining("requestedBy");
    assertThat(IssuerApplication.parsePublicKeyHex("0x" + application().publicKeyHex()))
        .isEqualTo(application().publicKey());
  }

  private ProcessInstance start() {
    String reference = f.onboardingService.requestAccreditation(application(), "admin-a");
    return f.engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.ISSUER_ONBOARDING).processInstanceBusinessKey(reference).singleResult();
  }
}
