package nl.noodrem.processes.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.noodrem.camel.api.WgsAnswer;
import nl.noodrem.domain.AssistanceType;
import nl.noodrem.processes.ProcessKeys;
import nl.noodrem.processes.port.AuditAction;
import nl.noodrem.processes.port.SignedCredential;
import nl.noodrem.processes.port.StatusSlot;
import nl.noodrem.processes.port.Verification;
import nl.noodrem.processes.guard.TaskAuthorityException;
import nl.noodrem.processes.guard.TaskAuthorityPlugin;
import nl.noodrem.processes.guard.TaskInputRejectedException;
import nl.noodrem.processes.guard.TaskInputs;
import nl.noodrem.processes.support.Fixture;
import nl.noodrem.processes.support.TestEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The engine refuses what no form offers: extra or out-of-range variables on completion, claims in someone else's
 * name, work on another group's task, variable writes outside a completion; and the audit names the logged-in user.
 */
@Deployment(resources = {"bpmn/emergency-brake.bpmn", "dmn/hold-decision.dmn", "bpmn/credential-issuance.bpmn"})
class TaskAuthorityTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = TestEngine.extension(0.0);

  private static final Fixture.StaffMember DEN_HAAG = Fixture.counsellor("counsellor-3");
  private static final Fixture.StaffMember EINDHOVEN =
      new Fixture.StaffMember("counsellor-9", "debt-counsellors-00000001002306608000");

  private Fixture f;

  @BeforeEach
  void setUp(ProcessEngine engine) throws Exception {
    f = new Fixture(engine);
    when(f.statusLists.allocate(any())).thenReturn(new StatusSlot(3, 1001));
    when(f.signer.sign(any())).thenReturn(new SignedCredential("{}"));
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    f.engine.getIdentityService().clearAuthentication();
  }

  // ---- what a completion may write

  @Test
  void complete_extraIssuerOin_isRefusedAndChangesNothing() {
    Task task = confirmationTask();
    f.claimAs(DEN_HAAG, task.getId());

    assertThatThrownBy(() -> f.completeAs(DEN_HAAG, task.getId(), Map.of("counsellorDecision", "CONFIRM",
        "confirmedAssistanceType", "MSNP", "confirmedDecisionDate", "2026-01-10", "confirmedHelpStartDate",
        "2026-02-01", "issuerOin", "00000001002306608000")))
        .isInstanceOf(TaskInputRejectedException.class).hasMessageContaining("'issuerOin'");

    assertThat(f.engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(f.engine.getRuntimeService().getVariable(task.getProcessInstanceId(), "issuerOin"))
        .isEqualTo(Fixture.MUNICIPALITY.value());
    assertThat(f.engine.getRuntimeService().getVariable(task.getProcessInstanceId(), "counsellorDecision")).isNull();
  }

  @Test
  void complete_proposalRewritten_isRefused() throws Exception {
    Task review = reviewTask();

    assertThatThrownBy(() -> f.completeAs(Fixture.OFFICER, review.getId(),
        Map.of("reviewOutcome", "APPROVE", "holdMonths", 600L)))
        .isInstanceOf(TaskInputRejectedException.class).hasMessageContaining("'holdMonths'");
    assertThat(f.engine.getRuntimeService().getVariable(review.getProcessInstanceId(), "holdMonths")).isEqualTo(12L);
    assertThat(f.audit.actions()).doesNotContain(AuditAction.HOLD_REVIEWED);
  }

  @Test
  void complete_changedMonthsOutOfRange_isRefused() throws Exception {
    Task review = reviewTask();

    assertThatThrownBy(() -> f.completeAs(Fixture.OFFICER, review.getId(),
        Map.of("reviewOutcome", "CHANGE", "changedHoldMonths", 600L, "reviewNote", "why not")))
        .isInstanceOf(TaskInputRejectedException.class).hasMessageContaining("from 1 to 14");
    assertThatThrownBy(() -> f.completeAs(Fixture.OFFICER, review.getId(),
        Map.of("reviewOutcome", "CHANGE", "changedHoldMonths", "6", "reviewNote", "text, not a number")))
        .isInstanceOf(TaskInputRejectedException.class).hasMessageContaining("whole number");
    assertThatThrownBy(() -> f.completeAs(Fixture.OFFICER, review.getId(),
        Map.of("reviewOutcome", "CHANGE", "changedHoldMonths", 6L, "reviewNote", "x".repeat(501))))
        .isInstanceOf(TaskInputRejectedException.class).hasMessageContaining("500");
  }

  @Test
  void complete_transientExtraVariable_isRefused() throws Exception {
    Task review = reviewTask();

    assertThatThrownBy(() -> f.completeAs(Fixture.OFFICER, review.getId(), Variables.createVariables()
        .putValue("reviewOutcome", "APPROVE")
        .putValueTyped("liftReason", Variables.stringValue("PERIOD_ENDED", true))))
        .isInstanceOf(TaskInputRejectedException.class).hasMessageContaining("'liftReason'");
  }

  @Test
  void submitTaskForm_extraVariable_isRefused() throws Exception {
    Task review = reviewTask();
    f.claimAs(Fixture.OFFICER, review.getId());

    assertThatThrownBy(() -> f.as(Fixture.OFFICER, () -> f.engine.getFormService().submitTaskForm(review.getId(),
        Map.of("reviewOutcome", "APPROVE", "grantedHoldMonths", 600L))))
        .isInstanceOf(TaskInputRejectedException.class).hasMessageContaining("'grantedHoldMonths'");
  }

  @Test
  void complete_declaredValues_passAndTheAuditNamesTheLoggedInUser() throws Exception {
    Task review = reviewTask();

    f.completeAs(Fixture.OFFICER, review.getId(),
        Map.of("reviewOutcome", "CHANGE", "changedHoldMonths", 6L, "reviewNote", "court decides in June"));

    assertThat(f.audit.records).anyMatch(r -> r.action() == AuditAction.HOLD_REVIEWED
        && r.actor().equals("officer-1") && r.detail().startsWith("CHANGE: 6 month(s)"));
  }

  // ---- who may act

  @Test
  void claim_inAnotherUsersName_isRefused() {
    Task task = confirmationTask();

    assertThatThrownBy(() -> f.as(DEN_HAAG, () -> f.engine.getTaskService().claim(task.getId(), "counsellor-4")))
        .isInstanceOf(TaskAuthorityException.class).hasMessageContaining("counsellor-4");
    assertThatThrownBy(() -> f.as(DEN_HAAG,
        () -> f.engine.getTaskService().setAssignee(task.getId(), "counsellor-4")))
        .isInstanceOf(TaskAuthorityException.class);
    assertThat(f.engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
        .isNull();
  }

  @Test
  void claim_taskOfAnotherMunicipality_isRefused() {
    Task task = confirmationTask();

    assertThatThrownBy(() -> f.claimAs(EINDHOVEN, task.getId()))
        .isInstanceOf(TaskAuthorityException.class).hasMessageContaining("not for your group");
  }

  @Test
  void complete_taskClaimedBySomeoneElse_isRefused() {
    Task task = confirmationTask();
    f.claimAs(DEN_HAAG, task.getId());
    Fixture.StaffMember colleague = Fixture.counsellor("counsellor-4");

    assertThatThrownBy(() -> f.as(colleague, () -> f.engine.getTaskService().complete(task.getId(),
        Map.of("counsellorDecision", "REFUSE")))).isInstanceOf(TaskAuthorityException.class)
        .hasMessageContaining("Claim the task yourself");
  }

  @Test
  void complete_withoutALoggedInUser_isRefused() {
    Task task = confirmationTask();
    f.engine.getTaskService().setAssignee(task.getId(), "counsellor-3");

    assertThatThrownBy(() -> f.engine.getTaskService().complete(task.getId(), Map.of("counsellorDecision", "REFUSE")))
        .isInstanceOf(TaskAuthorityException.class).hasMessageContaining("logged-in");
  }

  @Test
  void complete_issuerChangedBehindTheTasksBack_isRefused() {
    Task task = confirmationTask();
    f.claimAs(DEN_HAAG, task.getId());
    // the engine itself (no user logged in) may write variables; a changed issuer still cannot pass the task
    f.engine.getRuntimeService().setVariable(task.getProcessInstanceId(), "issuerOin", "00000001002306608000");

    assertThatThrownBy(() -> f.completeAs(DEN_HAAG, task.getId(), Map.of("counsellorDecision", "REFUSE")))
        .isInstanceOf(TaskAuthorityException.class).hasMessageContaining("municipality");
  }

  @Test
  void setVariable_byStaffOutsideACompletion_isRefused() {
    Task task = confirmationTask();
    String instance = task.getProcessInstanceId();

    assertThatThrownBy(() -> f.as(DEN_HAAG,
        () -> f.engine.getRuntimeService().setVariable(instance, "issuerOin", "00000001002306608000")))
        .isInstanceOf(TaskAuthorityException.class);
    assertThatThrownBy(() -> f.as(DEN_HAAG,
        () -> f.engine.getTaskService().setVariable(task.getId(), "counsellorDecision", "CONFIRM")))
        .isInstanceOf(TaskAuthorityException.class);
    assertThatThrownBy(() -> f.as(DEN_HAAG,
        () -> f.engine.getRuntimeService().removeVariable(instance, "issuerOin")))
        .isInstanceOf(TaskAuthorityException.class);
    assertThat(f.engine.getRuntimeService().getVariable(instance, "issuerOin")).isEqualTo(Fixture.MUNICIPALITY.value());
  }

  @Test
  void setVariable_byAnAdministrator_isAllowed() {
    Task task = confirmationTask();
    f.as(new Fixture.StaffMember("admin", TaskAuthorityPlugin.ADMIN_GROUP),
        () -> f.engine.getRuntimeService().setVariable(task.getProcessInstanceId(), "unclearReason", "checked"));

    assertThat(f.engine.getRuntimeService().getVariable(task.getProcessInstanceId(), "unclearReason"))
        .isEqualTo("checked");
  }

  // ---- the declarations

  @Test
  void declarations_everyUserTaskOfEveryModel_isDeclared() {
    Set<TaskInputs.TaskKey> inModels = new HashSet<>();
    for (String model : List.of("emergency-brake", "credential-issuance", "credential-revocation",
        "issuer-onboarding")) {
      var instance = Bpmn.readModelFromStream(getClass().getResourceAsStream("/bpmn/" + model + ".bpmn"));
      String key = instance.getModelElementsByType(Process.class).iterator().next().getId();
      instance.getModelElementsByType(UserTask.class).forEach(t -> inModels.add(new TaskInputs.TaskKey(key, t.getId())));
    }

    assertThat(TaskInputs.declared()).containsExactlyInAnyOrderElementsOf(inModels);
  }

  @Test
  void declarations_formFieldsTheUserEdits_areExactlyTheWritableOnes() {
    var instance = Bpmn.readModelFromStream(getClass().getResourceAsStream("/bpmn/emergency-brake.bpmn"));
    UserTask review = instance.getModelElementById("Task_ReviewHoldDecision");
    List<String> editable = review.getExtensionElements().getElementsQuery()
        .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData.class).singleResult()
        .getCamundaFormFields().stream()
        .filter(field -> field.getCamundaValidation() == null || field.getCamundaValidation().getCamundaConstraints()
            .stream().noneMatch(c -> "readonly".equals(c.getCamundaName())))
        .map(field -> field.getCamundaId()).toList();

    assertThat(TaskInputs.of(ProcessKeys.EMERGENCY_BRAKE, "Task_ReviewHoldDecision").inputs().keySet())
        .containsExactlyElementsOf(editable);
  }

  private Task confirmationTask() {
    try {
      return startConfirmation();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Task startConfirmation() throws Exception {
    when(f.registry.lookup(any(), any())).thenReturn(new WgsAnswer.Unclear("pending", "GEM-1"));
    f.issuanceService.startIssuance(Fixture.CITIZEN, Fixture.MUNICIPALITY);
    f.runDueJobs();
    return f.engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_ConfirmIssuance").singleResult();
  }

  private Task reviewTask() throws Exception {
    var brake = new BrakeTestSupport(f);
    brake.brakeWaitingForProof();
    brake.present(new Verification.Accepted(BrakeTestSupport.facts(Fixture.CITIZEN,
        AssistanceType.WSNP, LocalDate.of(2026, 1, 5), LocalDate.of(2027, 7, 5), 41)));
    f.runDueJobs();
    return f.engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_ReviewHoldDecision").singleResult();
  }
}
