package nl.noodrem.processes.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import nl.noodrem.camel.api.DebtHelpRegistryException;
import nl.noodrem.camel.api.ProcessGateway;
import nl.noodrem.camel.api.WgsAnswer;
import nl.noodrem.domain.AssistanceType;
import nl.noodrem.domain.event.DebtHelpStarted;
import nl.noodrem.processes.ProcessKeys;
import nl.noodrem.processes.port.AuditAction;
import nl.noodrem.processes.port.CredentialAttributes;
import nl.noodrem.processes.port.NoticeType;
import nl.noodrem.processes.port.PortUnavailableException;
import nl.noodrem.processes.port.SignedCredential;
import nl.noodrem.processes.port.StatusSlot;
import nl.noodrem.processes.service.IssuanceService;
import nl.noodrem.processes.service.IssuanceService.NotCollectableException;
import nl.noodrem.processes.support.Fixture;
import nl.noodrem.processes.support.PrivacyScan;
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
import org.mockito.ArgumentCaptor;

@Deployment(resources = "bpmn/credential-issuance.bpmn")
class CredentialIssuanceProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = TestEngine.extension(1.0);

  private static final WgsAnswer.Decided DECIDED = new WgsAnswer.Decided(AssistanceType.MSNP,
      LocalDate.of(2026, 1, 10), LocalDate.of(2026, 2, 1), "GEM-2026-0042", 4_200_000, 13, "counsellor-7");
  private static final String COUNSELLORS = "debt-counsellors-" + Fixture.MUNICIPALITY.value();

  private Fixture f;

  @BeforeEach
  void setUp(ProcessEngine engine) throws Exception {
    BpmnAwareTests.init(engine);
    f = new Fixture(engine);
    when(f.statusLists.allocate(Fixture.MUNICIPALITY)).thenReturn(new StatusSlot(3, 1001));
    when(f.signer.sign(any())).thenReturn(new SignedCredential("{\"credential\":\"signed\"}"));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void startIssuance_wgsDecision_allocatesASlotAndWaitsForPickup() throws Exception {
    when(f.registry.lookup(any(), any())).thenReturn(DECIDED);

    ProcessInstance instance = start();

    assertThat(instance).isWaitingAt("Gateway_CollectedOrExpired").variables()
        .containsEntry("wgsOutcome", "DECIDED").containsEntry("assistanceType", "MSNP")
        .containsEntry("helpStartDate", "2026-02-01").containsEntry("validUntil", "2027-08-01")
        .containsEntry("statusListId", 3L).containsEntry("statusIndex", 1001L).containsEntry("pickupBy", "2026-01-22");
    assertThat((String) f.engine.getRuntimeService().getVariable(instance.getId(), "hiddenFacts")).startsWith("sf1.")
        .doesNotContain("4200000");
    assertThat(f.inbox.types()).containsExactly(NoticeType.CREDENTIAL_READY);
    assertThat(f.inbox.last().dutch()).contains("22 januari 2026");
  }

  @Test
  void collectCredential_byTheCitizen_signsReturnsAndRecordsWithoutKeepingIt() throws Exception {
    when(f.registry.lookup(any(), any())).thenReturn(DECIDED);
    ProcessInstance instance = start();

    SignedCredential credential = f.issuanceService.collectCredential(Fixture.CITIZEN, instance.getBusinessKey());

    assertThat(credential.json()).isEqualTo("{\"credential\":\"signed\"}");
    ArgumentCaptor<CredentialAttributes> signed = ArgumentCaptor.forClass(CredentialAttributes.class);
    verify(f.signer).sign(signed.capture());
    CredentialAttributes attributes = signed.getValue();
    assertThat(attributes.bsn()).isEqualTo(Fixture.CITIZEN);
    assertThat(attributes.debtAmountCents()).isEqualTo(4_200_000);
    assertThat(attributes.creditorCount()).isEqualTo(13);
    assertThat(attributes.counsellorId()).isEqualTo("counsellor-7");
    assertThat(attributes.statusIndex()).isEqualTo(1001);
    assertThat(attributes.validUntil()).isEqualTo(LocalDate.of(2027, 8, 1));
    assertThat(instance).isEnded().hasPassed("Task_RecordIssuance", "End_CredentialIssued");
    assertThat(f.issuances.records).singleElement().satisfies(r -> {
      assertThat(r.citizen()).isEqualTo(f.citizenRef());
      assertThat(r.slot()).isEqualTo(new StatusSlot(3, 1001));
    });
    assertThat(f.audit.actions()).contains(AuditAction.CREDENTIAL_ISSUED);
    assertThat(PrivacyScan.databaseHits(f.engine, Fixture.CITIZEN)).isEmpty();
    assertThat(f.engine.getHistoryService().createHistoricVariableInstanceQuery().variableName("hiddenFacts")
        .includeDeleted().singleResult().getState()).isEqualTo("DELETED");
  }

  @Test
  void collectCredential_byAnotherCitizenOrTooEarlyOrUnknown_isRefused() throws Exception {
    when(f.registry.lookup(any(), any())).thenReturn(new WgsAnswer.Unclear("objection pending", "GEM-1"));
    ProcessInstance instance = start();

    assertThatThrownBy(() -> f.issuanceService.collectCredential(Fixture.OTHER_CITIZEN, instance.getBusinessKey()))
        .isInstanceOfSatisfying(NotCollectableException.class,
            e -> assertThat(e.reason()).isEqualTo(NotCollectableException.Reason.NOT_YOURS));
    assertThatThrownBy(() -> f.issuanceService.collectCredential(Fixture.CITIZEN, instance.getBusinessKey()))
        .isInstanceOfSatisfying(NotCollectableException.class,
            e -> assertThat(e.reason()).isEqualTo(NotCollectableException.Reason.NOT_READY));
    assertThatThrownBy(() -> f.issuanceService.collectCredential(Fixture.CITIZEN, "IS-00000000"))
        .isInstanceOfSatisfying(NotCollectableException.class,
            e -> assertThat(e.reason()).isEqualTo(NotCollectableException.Reason.UNKNOWN));
    verify(f.signer, never()).sign(any());
  }

  @Test
  void collectCredential_signerUnavailable_keepsTheCredentialWaiting() throws Exception {
    when(f.registry.lookup(any(), any())).thenReturn(DECIDED);
    when(f.signer.sign(any())).thenThrow(new PortUnavailableException("key store down", null));
    ProcessInstance instance = start();

    assertThatThrownBy(() -> f.issuanceService.collectCredential(Fixture.CITIZEN, instance.getBusinessKey()))
        .isInstanceOfSatisfying(NotCollectableException.class,
            e -> assertThat(e.reason()).isEqualTo(NotCollectableException.Reason.SIGNER_UNAVAILABLE));
    assertThat(instance).isWaitingAt("Gateway_CollectedOrExpired");
    assertThat(f.issuances.records).isEmpty();
  }

  @Test
  void pickupWindow_elapsed_tellsTheCitizenAndEndsWithoutCredential() throws Exception {
    when(f.registry.lookup(any(), any())).thenReturn(DECIDED);
    ProcessInstance instance = start();

    f.fireTimer("Event_PickupWindowElapsed");

    assertThat(instance).isEnded().hasPassed("Task_NotifyNotCollected", "End_PickupExpired");
    assertThat(f.inbox.last().type()).isEqualTo(NoticeType.CREDENTIAL_NOT_COLLECTED);
    verify(f.signer, never()).sign(any());
  }

  @Test
  void startIssuance_noDecision_tellsTheCitizenInDutchAndEnglish() throws Exception {
    when(f.registry.lookup(any(), any())).thenReturn(new WgsAnswer.None("no application since 2019"));

    ProcessInstance instance = start();

    assertThat(instance).isEnded().hasPassed("End_NoDebtHelp");
    assertThat(f.inbox.last().type()).isEqualTo(NoticeType.NO_DEBT_HELP);
    assertThat(f.inbox.last().dutch()).contains("schuldhulp");
    assertThat(f.inbox.last().english()).contains("debt help");
    assertThat(f.engine.getHistoryService().createHistoricVariableInstanceQuery().list())
        .noneMatch(v -> String.valueOf(v.getValue()).contains("2019"));
  }

  @Test
  void startIssuance_unclear_asksACounsellorOfThatMunicipalityWhoConfirms() throws Exception {
    when(f.registry.lookup(any(), any())).thenReturn(
        new WgsAnswer.Unclear("decision under objection; client 123456782 called", "GEM-2026-0042"));
    ProcessInstance instance = start();

    assertThat(instance).isWaitingAt("Task_ConfirmIssuance");
    Task task = f.engine.getTaskService().createTaskQuery().taskCandidateGroup(COUNSELLORS).singleResult();
    assertThat(f.engine.getFormService().getTaskFormData(task.getId()).getFormFields()).extracting("id")
        .containsExactly("municipalCaseId", "unclearReason", "counsellorDecision", "confirmedAssistanceType",
            "confirmedDecisionDate", "confirmedHelpStartDate");
    assertThat(f.engine.getRuntimeService().getVariable(instance.getId(), "unclearReason"))
        .isEqualTo("decision under objection; client ********* called");

    f.completeAs(Fixture.counsellor("counsellor-3"), task.getId(), Map.of(
        "counsellorDecision", "CONFIRM",
        "confirmedAssistanceType", "STABILISATIE",
        "confirmedDecisionDate", Date.from(Instant.parse("2026-01-12T11:00:00Z")),
        "confirmedHelpStartDate", Date.from(Instant.parse("2026-01-31T23:30:00Z"))));
    f.runDueJobs();

    assertThat(instance).isWaitingAt("Gateway_CollectedOrExpired").variables()
        .containsEntry("assistanceType", "STABILISATIE").containsEntry("decisionDate", "2026-01-12")
        .containsEntry("helpStartDate", "2026-02-01");
    f.issuanceService.collectCredential(Fixture.CITIZEN, instance.getBusinessKey());
    ArgumentCaptor<CredentialAttributes> signed = ArgumentCaptor.forClass(CredentialAttributes.class);
    verify(f.signer).sign(signed.capture());
    assertThat(signed.getValue().counsellorId()).isEqualTo("counsellor-3");
    assertThat(signed.getValue().debtAmountCents()).isZero();
    assertThat(PrivacyScan.databaseHits(f.engine, Fixture.CITIZEN)).isEmpty();
  }

  @Test
  void confirmIssuance_incompleteConfirmation_isRefused() throws Exception {
    when(f.registry.lookup(any(), any())).thenReturn(new WgsAnswer.Unclear("pending", "GEM-1"));
    start();
    Task task = f.engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_ConfirmIssuance").singleResult();
    var tasks = f.engine.getTaskService();
    var counsellor = Fixture.counsellor("counsellor-3");
    f.claimAs(counsellor, task.getId());

    assertThatThrownBy(() -> f.completeAs(counsellor, task.getId(), Map.of("counsellorDecision", "CONFIRM")))
        .hasMessageContaining("decision date");
    assertThatThrownBy(() -> f.completeAs(counsellor, task.getId(), Map.of("counsellorDecision", "CONFIRM",
        "confirmedDecisionDate", "2026-03-01", "confirmedHelpStartDate", "2026-03-01",
        "confirmedAssistanceType", "MSNP"))).hasMessageContaining("future");
    assertThatThrownBy(() -> f.completeAs(counsellor, task.getId(), Map.of("counsellorDecision", "LATER")))
        .hasMessageContaining("must be one of");
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
  }

  @Test
  void confirmIssuance_refused_tellsTheCitizen() throws Exception {
    when(f.registry.lookup(any(), any())).thenReturn(new WgsAnswer.Unclear("pending", "GEM-1"));
    ProcessInstance instance = start();
    Task task = f.engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_ConfirmIssuance").singleResult();
    f.completeAs(Fixture.counsellor("counsellor-3"), task.getId(), Map.of("counsellorDecision", "REFUSE"));
    f.runDueJobs();

    assertThat(instance).isEnded().hasPassed("Task_NotifyIssuanceRefused", "End_IssuanceRefused");
    assertThat(f.inbox.last().type()).isEqualTo(NoticeType.ISSUANCE_REFUSED);
    assertThat(f.audit.records).anyMatch(r -> r.action() == AuditAction.ISSUANCE_REFUSED
        && r.actor().equals("counsellor-3"));
  }

  @Test
  void debtHelpStarted_whileACounsellorLooks_approvesWithTheReportedFacts() throws Exception {
    when(f.registry.lookup(any(), any())).thenReturn(new WgsAnswer.Unclear("pending", "GEM-1"));
    ProcessInstance instance = start();

    ProcessGateway.Delivery delivery = f.gateway.deliver(new DebtHelpStarted("batch-2026-01-15.csv:12", Fixture.NOW,
        Fixture.CITIZEN, Fixture.MUNICIPALITY, AssistanceType.BUDGETBEHEER, LocalDate.of(2026, 1, 14),
        LocalDate.of(2026, 1, 20)));
    f.runDueJobs();

    assertThat(delivery).isEqualTo(ProcessGateway.Delivery.CORRELATED);
    assertThat(instance).hasPassed("Event_DebtHelpDecided").isWaitingAt("Gateway_CollectedOrExpired")
        .variables().containsEntry("assistanceType", "BUDGETBEHEER").containsEntry("helpStartDate", "2026-01-20");
    assertThat(f.engine.getTaskService().createTaskQuery().count()).isZero();
    f.issuanceService.collectCredential(Fixture.CITIZEN, instance.getBusinessKey());
    assertThat(instance).isEnded();
    assertThat(f.gateway.deliver(new DebtHelpStarted("batch-2026-01-15.csv:12", Fixture.NOW, Fixture.CITIZEN,
        Fixture.MUNICIPALITY, AssistanceType.BUDGETBEHEER, LocalDate.of(2026, 1, 14), LocalDate.of(2026, 1, 20))))
        .isEqualTo(ProcessGateway.Delivery.DUPLICATE);
  }

  @Test
  void debtHelpStarted_nobodyWaiting_isNotNeeded() throws Exception {
    assertThat(f.gateway.deliver(new DebtHelpStarted("row-1", Fixture.NOW, Fixture.CITIZEN, Fixture.MUNICIPALITY,
        AssistanceType.MSNP, LocalDate.of(2026, 1, 14), LocalDate.of(2026, 1, 20))))
        .isEqualTo(ProcessGateway.Delivery.NOT_NEEDED);
  }

  @Test
  void startIssuance_again_joinsTheRunningRequest() throws Exception {
    when(f.registry.lookup(any(), any())).thenReturn(DECIDED);
    IssuanceService.IssuanceStarted first = f.issuanceService.startIssuance(Fixture.CITIZEN, Fixture.MUNICIPALITY);

    IssuanceService.IssuanceStarted second = f.issuanceService.startIssuance(Fixture.CITIZEN, Fixture.MUNICIPALITY);

    assertThat(second.joined()).isTrue();
    assertThat(second.issuanceRef()).isEqualTo(first.issuanceRef()).matches("IS-[0-9A-Z]{8}");
  }

  @Test
  void askRegistry_unreachable_retriesThenRaisesAnIncident() throws Exception {
    when(f.registry.lookup(any(), any())).thenThrow(new DebtHelpRegistryException("SOAP fault", null));
    f.issuanceService.startIssuance(Fixture.CITIZEN, Fixture.MUNICIPALITY);
    var management = f.engine.getManagementService();

    int attempts = 0;
    for (var job = management.createJobQuery().singleResult(); job.getRetries() > 0;
        job = management.createJobQuery().singleResult()) {
      String id = job.getId();
      assertThatThrownBy(() -> management.executeJob(id)).hasMessageContaining("SOAP fault");
      attempts++;
    }

    assertThat(attempts).isEqualTo(4);
    assertThat(f.engine.getRuntimeService().createIncidentQuery().activityId("Task_AskDebtHelpRegistry").count())
        .isEqualTo(1);
  }

  @Test
  void debtHelpEnded_whileTheCredentialWaitsForPickup_endsTheRequestAndItCanNoLongerBeCollected() throws Exception {
    when(f.registry.lookup(any(), any())).thenReturn(DECIDED);
    ProcessInstance instance = start();

    f.engine.getRuntimeService().createMessageCorrelation(ProcessKeys.MSG_DEBT_HELP_ENDED)
        .processInstanceVariableEquals("citizenRef", f.citizenRef().value())
        .processInstanceVariableEquals("issuerOin", Fixture.MUNICIPALITY.value()).correlateAll();
    f.runDueJobs();

    assertThat(instance).isEnded().hasPassed("Event_DebtHelpEnded", "Task_NotifyIssuanceStopped",
        "End_IssuanceStopped").hasNotPassed("Task_RecordIssuance");
    assertThat(f.inbox.last().type()).isEqualTo(NoticeType.ISSUANCE_STOPPED);
    assertThatThrownBy(() -> f.issuanceService.collectCredential(Fixture.CITIZEN, instance.getBusinessKey()))
        .isInstanceOf(NotCollectableException.class);
    verify(f.signer, never()).sign(any());
  }

  @Test
  void debtHelpEnded_whileACounsellorDecides_removesTheCounsellorsTask() throws Exception {
    when(f.registry.lookup(any(), any())).thenReturn(new WgsAnswer.Unclear("objection pending", "GEM-1"));
    ProcessInstance instance = start();
    assertThat(f.engine.getTaskService().createTaskQuery().taskCandidateGroup(COUNSELLORS).count()).isEqualTo(1);

    f.engine.getRuntimeService().createMessageCorrelation(ProcessKeys.MSG_DEBT_HELP_ENDED)
        .processInstanceVariableEquals("citizenRef", f.citizenRef().value())
        .processInstanceVariableEquals("issuerOin", Fixture.MUNICIPALITY.value()).correlateAll();
    f.runDueJobs();

    assertThat(instance).isEnded().hasPassed("End_IssuanceStopped");
    assertThat(f.engine.getTaskService().createTaskQuery().taskCandidateGroup(COUNSELLORS).count()).isZero();
  }

  private ProcessInstance start() {
    IssuanceService.IssuanceStarted started = f.issuanceService.startIssuance(Fixture.CITIZEN, Fixture.MUNICIPALITY);
    ProcessInstance instance = f.engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.CREDENTIAL_ISSUANCE).processInstanceBusinessKey(started.issuanceRef())
        .singleResult();
    f.runDueJobs();
    return instance;
  }
}
