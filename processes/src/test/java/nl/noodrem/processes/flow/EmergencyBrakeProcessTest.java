package nl.noodrem.processes.flow;

import static nl.noodrem.processes.flow.BrakeTestSupport.CRIMINAL;
import static nl.noodrem.processes.flow.BrakeTestSupport.FINE;
import static nl.noodrem.processes.flow.BrakeTestSupport.NEW_CASE;
import static nl.noodrem.processes.flow.BrakeTestSupport.facts;
import static nl.noodrem.processes.flow.BrakeTestSupport.openCase;
import static nl.noodrem.processes.flow.BrakeTestSupport.validFacts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.noodrem.camel.api.CaseOpened;
import nl.noodrem.camel.api.CollectionSystemException;
import nl.noodrem.camel.api.HoldAcknowledgement;
import nl.noodrem.camel.api.HoldCommand;
import nl.noodrem.camel.api.LiftCommand;
import nl.noodrem.camel.api.PaymentPlanCommand;
import nl.noodrem.processes.service.PaymentPlanService;
import nl.noodrem.camel.api.OpenCase;
import nl.noodrem.camel.api.ProcessGateway;
import nl.noodrem.domain.AssistanceType;
import nl.noodrem.domain.HoldPeriod;
import nl.noodrem.domain.event.CredentialStatusChanged;
import nl.noodrem.domain.event.HoldLifted;
import nl.noodrem.processes.ProcessKeys;
import nl.noodrem.processes.service.BrakeService;
import nl.noodrem.processes.port.AuditAction;
import nl.noodrem.processes.port.NoticeType;
import nl.noodrem.processes.port.PortUnavailableException;
import nl.noodrem.processes.port.ProofRejection;
import nl.noodrem.processes.port.Verification;
import nl.noodrem.processes.service.BrakeService.ProofResult;
import nl.noodrem.processes.service.BrakeStaffService;
import nl.noodrem.processes.support.CaseList;
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

@Deployment(resources = {"bpmn/emergency-brake.bpmn", "dmn/hold-decision.dmn"})
class EmergencyBrakeProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = TestEngine.extension(1.0);

  private Fixture f;
  private BrakeTestSupport brake;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @BeforeEach
  void setUp(ProcessEngine engine) {
    BpmnAwareTests.init(engine);
    f = new Fixture(engine);
    brake = new BrakeTestSupport(f);
  }

  // ---- pulling the brake

  @Test
  void pullBrake_noOpenCases_tellsTheCitizenAndEnds() throws Exception {
    brake.givenOpenCases();

    ProcessInstance instance = brake.pull();

    assertThat(instance).isEnded().hasPassed("Task_NotifyNoOpenCases").hasPassed("End_NoOpenCases");
    assertThat(f.inbox.types()).containsExactly(NoticeType.NO_OPEN_CASES);
    assertThat(f.brakes.activeBrake(f.citizenRef())).isEmpty();
  }

  @Test
  void pullBrake_openCases_holdsAllOfThemForFourMonthsAtOnce() throws Exception {
    brake.givenTwoOrdinaryCases();

    ProcessInstance instance = brake.pull();

    ArgumentCaptor<HoldCommand> hold = ArgumentCaptor.forClass(HoldCommand.class);
    verify(f.collectionSystem).sendHold(hold.capture());
    assertThat(hold.getValue().cases()).containsExactly(FINE, CRIMINAL);
    assertThat(hold.getValue().period().start()).isEqualTo(Fixture.TODAY);
    assertThat(hold.getValue().period().end()).isEqualTo(Fixture.TODAY.plusMonths(4));
    assertThat(hold.getValue().suspendSurcharges()).as("no new surcharges during the noodstop").isTrue();
    assertThat(hold.getValue().brakeRef()).isEqualTo(instance.getBusinessKey()).matches("NR-[0-9A-HJKMNP-TV-Z]{8}");
    assertThat(instance).isWaitingAt("Task_AwaitFirstHoldAck")
        .variables().containsEntry("holdEnd", "2026-05-15").containsEntry("caseCount", 2L)
        .containsEntry("totalOutstandingCents", 53_500L).containsEntry("highestStage", "FIRST_REMINDER");
  }

  @Test
  void pullBrake_acknowledged_notifiesAndWaitsForProofOrTheEndOfTheFirstHold() throws Exception {
    ProcessInstance instance = brake.brakeWaitingForProof();

    assertThat(instance).isWaitingAt("Gateway_ProofOrFirstHoldEnd");
    assertThat(f.inbox.types()).containsExactly(NoticeType.HOLD_PLACED);
    assertThat(f.inbox.last().dutch()).contains("15 mei 2026").contains(instance.getBusinessKey());
    assertThat(f.audit.actions()).contains(AuditAction.BRAKE_PULLED, AuditAction.HOLD_REQUESTED,
        AuditAction.HOLD_ACKNOWLEDGED);
  }

  @Test
  void pullBrake_withoutTheDeclaration_isRefusedAndStartsNothing() throws Exception {
    brake.givenTwoOrdinaryCases();

    assertThatThrownBy(() -> f.brakeService.pullBrake(Fixture.CITIZEN, false))
        .isInstanceOf(BrakeService.DeclarationMissingException.class);

    assertThat(f.engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.EMERGENCY_BRAKE).count()).isZero();
    assertThat(f.brakeService.runningBrake(Fixture.CITIZEN)).isEmpty();
    verify(f.collectionSystem, org.mockito.Mockito.never()).sendHold(any());
  }

  @Test
  void pullBrake_secondPullWhileRunning_joinsTheRunningBrake() throws Exception {
    ProcessInstance first = brake.brakeWaitingForProof();

    var second = f.brakeService.pullBrake(Fixture.CITIZEN, true);

    assertThat(second.joined()).isTrue();
    assertThat(second.brakeRef()).isEqualTo(first.getBusinessKey());
    assertThat(f.engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.EMERGENCY_BRAKE).count()).isEqualTo(1);
  }

  @Test
  void lookUpOpenCases_collectionSystemDown_retriesAndRaisesAnIncidentAfterTheLastRetry() throws Exception {
    when(f.collectionSystem.openCases(any())).thenThrow(new CollectionSystemException("down", true, null));
    var pulled = f.brakeService.pullBrake(Fixture.CITIZEN, true);
    var management = f.engine.getManagementService();

    int attempts = 0;
    for (var job = management.createJobQuery().activityId("Task_LookUpOpenCases").singleResult();
        job.getRetries() > 0; job = management.createJobQuery().activityId("Task_LookUpOpenCases").singleResult()) {
      String id = job.getId();
      assertThatThrownBy(() -> management.executeJob(id)).hasMessageContaining("down");
      attempts++;
    }

    assertThat(attempts).isEqualTo(6); // the first try and one retry per back-off interval
    var incident = f.engine.getRuntimeService().createIncidentQuery().activityId("Task_LookUpOpenCases")
        .singleResult();
    assertThat(incident).isNotNull();
    assertThat(incident.getIncidentMessage()).doesNotContain(Fixture.CITIZEN.digits());
    assertThat(brake.instance(pulled.brakeRef())).isWaitingAt("Task_LookUpOpenCases");
  }

  // ---- acknowledgements

  @Test
  void firstHoldAcknowledgement_overdue_givesOperationsATaskThatTheAcknowledgementCloses() throws Exception {
    brake.givenTwoOrdinaryCases();
    ProcessInstance instance = brake.pull();

    f.fireTimer("Event_FirstHoldAckOverdue");

    Task check = f.engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_CheckFirstHoldAck").singleResult();
    assertThat(check).isNotNull();
    assertThat(f.engine.getTaskService().createTaskQuery().taskCandidateGroup("cjib-operations").count()).isEqualTo(1);
    assertThat(instance).isWaitingAt("Task_AwaitFirstHoldAck", "Task_CheckFirstHoldAck");

    brake.acknowledge(instance, "Task_AwaitFirstHoldAck", HoldAcknowledgement.Action.HOLD);

    assertThat(f.engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_CheckFirstHoldAck").count())
        .isZero();
    assertThat(instance).isWaitingAt("Gateway_ProofOrFirstHoldEnd");
  }

  @Test
  void firstHoldAcknowledgement_operationsCompleteTheCheck_theWaitGoesOn() throws Exception {
    brake.givenTwoOrdinaryCases();
    ProcessInstance instance = brake.pull();
    f.fireTimer("Event_FirstHoldAckOverdue");

    Task check = f.engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_CheckFirstHoldAck").singleResult();
    f.completeAs(Fixture.OPERATOR, check.getId(), Map.of());

    assertThat(instance).hasPassed("End_FirstHoldAckChecked").isWaitingAt("Task_AwaitFirstHoldAck");
  }

  @Test
  void firstHoldAcknowledgement_withARejectedCase_tellsTheCitizenWhichAndWhyAndGivesOperationsATask()
      throws Exception {
    brake.givenTwoOrdinaryCases();
    ProcessInstance instance = brake.pull();

    f.gateway.holdAcknowledged(new HoldAcknowledgement(brake.awaited(instance, "Task_AwaitFirstHoldAck"),
        instance.getBusinessKey(), HoldAcknowledgement.Action.HOLD, List.of(FINE), List.of(CRIMINAL),
        "zaak onbekend, betaald of gesloten"));
    f.runDueJobs();

    assertThat(instance).hasPassed("Event_CasesRejected", "Task_RemoveRejectedCases", "Task_NotifyCasesNotHeld")
        .isWaitingAt("Gateway_ProofOrFirstHoldEnd", "Task_CheckRejectedCases")
        .variables().containsEntry("caseCount", 1L).containsEntry("rejectedCasesPending", false);
    assertThat(CaseList.fromJson((String) f.engine.getRuntimeService().getVariable(instance.getId(), "cases")))
        .containsExactly(FINE);
    assertThat(f.inbox.types()).contains(NoticeType.CASES_NOT_HELD, NoticeType.HOLD_PLACED);
    assertThat(f.inbox.notices.stream().filter(n -> n.type() == NoticeType.CASES_NOT_HELD).findFirst().orElseThrow()
        .dutch()).contains("SB-2025-000042").contains("zaak onbekend, betaald of gesloten")
        .doesNotContain("WAHV000000000001");
    Task check = f.engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_CheckRejectedCases")
        .taskCandidateGroup("cjib-operations").singleResult();
    f.completeAs(Fixture.OPERATOR, check.getId(), Map.of());
    assertThat(instance).hasPassed("End_RejectedCasesChecked");

    f.fireTimer("Event_FirstHoldEnded");
    ArgumentCaptor<LiftCommand> lift = ArgumentCaptor.forClass(LiftCommand.class);
    verify(f.collectionSystem).sendLift(lift.capture());
    assertThat(lift.getValue().cases()).containsExactly(FINE);
  }

  // ---- the first proof

  @Test
  void presentProof_validWithinFirstHold_extendsTheHoldByEightMonths() throws Exception {
    ProcessInstance instance = brake.brakeWaitingForProof();

    ProofResult result = brake.presentValidProof();

    assertThat(result.status()).isEqualTo(ProofResult.Status.ACCEPTED);
    f.runDueJobs();
    assertThat(instance).hasPassed("Task_VerifyProof", "Task_DecideHold").hasNotPassed("Task_ReviewHoldDecision")
        .isWaitingAt("Task_AwaitExtensionAck");
    ArgumentCaptor<HoldCommand> holds = ArgumentCaptor.forClass(HoldCommand.class);
    verify(f.collectionSystem, atLeastOnce()).sendHold(holds.capture());
    HoldCommand extension = holds.getAllValues().get(1);
    assertThat(extension.period().end()).isEqualTo(LocalDate.of(2027, 1, 15));
    assertThat(extension.cases()).containsExactly(FINE, CRIMINAL);
    assertThat(extension.suspendSurcharges()).as("the hold decision's suspendSurcharges").isTrue();

    brake.acknowledge(instance, "Task_AwaitExtensionAck", HoldAcknowledgement.Action.HOLD);

    assertThat(instance).isWaitingAt("Gateway_HoldEndRevocationOrRenewal")
        .variables().containsEntry("holdEnd", "2027-01-15").containsEntry("assistanceType", "MSNP")
        .containsEntry("statusListId", 7L).containsEntry("statusIndex", 41L).containsEntry("extensionsGranted", 1L)
        .containsEntry("proofOutcome", "ACCEPTED").doesNotContainKey("presentation").doesNotContainKey("proofNonce");
    assertThat(f.inbox.types()).containsExactly(NoticeType.HOLD_PLACED, NoticeType.HOLD_EXTENDED);
  }

  @Test
  void presentProof_forged_isRefusedWithTheReasonAndTheCitizenMayTryAgain() throws Exception {
    ProcessInstance instance = brake.brakeWaitingForProof();

    ProofResult refused = brake.present(new Verification.Rejected(ProofRejection.FORGED));

    assertThat(refused.status()).isEqualTo(ProofResult.Status.REJECTED);
    assertThat(refused.rejection()).contains(ProofRejection.FORGED);
    assertThat(instance).isWaitingAt("Gateway_ProofOrFirstHoldEnd")
        .variables().containsEntry("proofOutcome", "REJECTED_FORGED");

    assertThat(brake.presentValidProof().status()).isEqualTo(ProofResult.Status.ACCEPTED);
  }

  @Test
  void presentProof_disclosingAnotherCitizensBsn_isRefused() throws Exception {
    brake.brakeWaitingForProof();

    ProofResult result = brake.present(new Verification.Accepted(facts(Fixture.OTHER_CITIZEN, AssistanceType.MSNP,
        LocalDate.of(2026, 1, 5), LocalDate.of(2027, 7, 5), 41)));

    assertThat(result.rejection()).contains(ProofRejection.OTHER_CITIZEN);
  }

  @Test
  void presentProof_expiredCredential_isRefused() throws Exception {
    brake.brakeWaitingForProof();

    ProofResult result = brake.present(new Verification.Accepted(facts(Fixture.CITIZEN, AssistanceType.MSNP,
        LocalDate.of(2024, 1, 5), LocalDate.of(2026, 1, 14), 41)));

    assertThat(result.rejection()).contains(ProofRejection.EXPIRED);
  }

  @Test
  void presentProof_revokedCredential_isRefused() throws Exception {
    brake.brakeWaitingForProof();
    when(f.statusReader.isRevoked(7, 41)).thenReturn(true);

    assertThat(brake.presentValidProof().rejection()).contains(ProofRejection.REVOKED);
  }

  @Test
  void presentProof_sameRequestTwice_isRefusedAsNoLongerRequested() throws Exception {
    brake.brakeWaitingForProof();
    when(f.verifier.verify(any(), any())).thenReturn(new Verification.Rejected(ProofRejection.FORGED));
    f.brakeService.requestProof(Fixture.CITIZEN).orElseThrow();
    f.brakeService.presentProof(Fixture.CITIZEN, BrakeTestSupport.presentation(Fixture.CITIZEN));

    ProofResult replay = f.brakeService.presentProof(Fixture.CITIZEN, BrakeTestSupport.presentation(Fixture.CITIZEN));

    assertThat(replay.status()).isEqualTo(ProofResult.Status.NO_PROOF_REQUESTED);
  }

  @Test
  void presentProof_verifierUnavailable_decidesNothingAndKeepsWaiting() throws Exception {
    ProcessInstance instance = brake.brakeWaitingForProof();
    when(f.verifier.verify(any(), any())).thenThrow(new PortUnavailableException("chain down", null));
    f.brakeService.requestProof(Fixture.CITIZEN).orElseThrow();

    ProofResult result = f.brakeService.presentProof(Fixture.CITIZEN, BrakeTestSupport.presentation(Fixture.CITIZEN));

    assertThat(result.status()).isEqualTo(ProofResult.Status.VERIFIER_UNAVAILABLE);
    assertThat(instance).isWaitingAt("Gateway_ProofOrFirstHoldEnd")
        .variables().doesNotContainKey("proofOutcome").containsKey("proofNonce");
  }

  @Test
  void presentProof_withoutRunningBrake_saysSo() {
    assertThat(f.brakeService.presentProof(Fixture.CITIZEN, "{}").status())
        .isEqualTo(ProofResult.Status.NO_RUNNING_BRAKE);
    assertThat(f.brakeService.requestProof(Fixture.CITIZEN)).isEmpty();
    assertThat(f.brakeService.runningBrake(Fixture.CITIZEN)).isEmpty();
  }

  @Test
  void presentProof_whileTheFirstHoldIsBeingPlaced_isNotExpectedYet() throws Exception {
    brake.givenTwoOrdinaryCases();
    brake.pull();
    f.brakeService.requestProof(Fixture.CITIZEN).orElseThrow();

    assertThat(f.brakeService.presentProof(Fixture.CITIZEN, "{}").status())
        .isEqualTo(ProofResult.Status.NOT_EXPECTED_NOW);
    assertThat(f.brakeService.runningBrake(Fixture.CITIZEN).orElseThrow().acceptsProof()).isFalse();
  }

  // ---- the first hold ends without a proof

  @Test
  void firstHoldEnded_withoutProof_liftsOffersAPaymentPlanAndNotifies() throws Exception {
    ProcessInstance instance = brake.brakeWaitingForProof();

    f.fireTimer("Event_FirstHoldEnded");

    ArgumentCaptor<LiftCommand> lift = ArgumentCaptor.forClass(LiftCommand.class);
    verify(f.collectionSystem).sendLift(lift.capture());
    assertThat(lift.getValue().reason()).isEqualTo(HoldLifted.Reason.NO_PROOF_PRESENTED);
    assertThat(lift.getValue().cases()).containsExactly(FINE, CRIMINAL);
    assertThat(instance).isWaitingAt("Task_AwaitLiftAck");

    brake.acknowledge(instance, "Task_AwaitLiftAck", HoldAcknowledgement.Action.LIFT);

    assertThat(instance).isEnded().hasPassed("Task_OfferPaymentPlan", "Task_NotifyHoldLifted", "End_HoldLifted");
    assertThat(f.inbox.types()).containsExactly(NoticeType.HOLD_PLACED, NoticeType.PAYMENT_PLAN_OFFERED,
        NoticeType.HOLD_LIFTED);
    assertThat(f.inbox.last().english()).contains("no proof of debt help was received in time");
    assertThat(f.brakes.activeBrake(f.citizenRef())).isEmpty();
  }

  @Test
  void acceptPaymentPlan_afterTheHoldWasLifted_sendsThePlanOnceForTheBrakesCasesAndAuditsIt() throws Exception {
    ProcessInstance instance = brake.brakeWaitingForProof();
    f.fireTimer("Event_FirstHoldEnded");
    brake.acknowledge(instance, "Task_AwaitLiftAck", HoldAcknowledgement.Action.LIFT);
    String brakeRef = instance.getBusinessKey();

    assertThat(f.paymentPlanService.offers(Fixture.CITIZEN))
        .containsExactly(new PaymentPlanService.Offer(brakeRef, 36, false));
    assertThat(f.paymentPlanService.accept(Fixture.OTHER_CITIZEN, brakeRef))
        .as("another citizen").isEqualTo(PaymentPlanService.Outcome.NO_OFFER);
    assertThat(f.paymentPlanService.accept(Fixture.CITIZEN, brakeRef)).isEqualTo(PaymentPlanService.Outcome.ACCEPTED);
    assertThat(f.paymentPlanService.accept(Fixture.CITIZEN, brakeRef))
        .isEqualTo(PaymentPlanService.Outcome.ALREADY_ACCEPTED);
    assertThat(f.paymentPlanService.offers(Fixture.CITIZEN))
        .containsExactly(new PaymentPlanService.Offer(brakeRef, 36, true));

    ArgumentCaptor<PaymentPlanCommand> plan = ArgumentCaptor.forClass(PaymentPlanCommand.class);
    verify(f.collectionSystem).sendPaymentPlan(plan.capture());
    assertThat(plan.getValue()).isEqualTo(new PaymentPlanCommand(brakeRef, List.of(FINE, CRIMINAL), 36));
    assertThat(f.audit.records).filteredOn(r -> r.action() == AuditAction.PAYMENT_PLAN_ACCEPTED).singleElement()
        .satisfies(r -> assertThat(r.reference()).isEqualTo(brakeRef));
  }

  @Test
  void acceptPaymentPlan_ofARunningBrake_isNoOffer() throws Exception {
    ProcessInstance instance = brake.brakeWaitingForProof();

    assertThat(f.paymentPlanService.accept(Fixture.CITIZEN, instance.getBusinessKey()))
        .isEqualTo(PaymentPlanService.Outcome.NO_OFFER);
    verify(f.collectionSystem, org.mockito.Mockito.never()).sendPaymentPlan(any());
  }

  @Test
  void firstHoldTimer_firesAtMidnightAmsterdamOnTheEndDate() throws Exception {
    ProcessInstance instance = brake.brakeWaitingForProof();

    var timer = f.engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .activityId("Event_FirstHoldEnded").singleResult();

    assertThat(timer.getDuedate().toInstant()).isEqualTo(java.time.Instant.parse("2026-05-14T22:00:00Z"));
  }

  @Test
  void reminder_thirtyDaysBeforeEachEnd_remindsOnlyForTheCurrentEnd() throws Exception {
    ProcessInstance instance = brake.brakeWaitingForProof();
    var management = f.engine.getManagementService();
    var first = management.createJobQuery().processInstanceId(instance.getId()).activityId("Event_ReminderDue")
        .singleResult();
    assertThat(first.getDuedate().toInstant()).isEqualTo(java.time.Instant.parse("2026-04-14T22:00:00Z"));

    brake.presentValidProof();
    f.runDueJobs();
    brake.acknowledge(instance, "Task_AwaitExtensionAck", HoldAcknowledgement.Action.HOLD);
    var reminders = management.createJobQuery().processInstanceId(instance.getId()).activityId("Event_ReminderDue")
        .orderByJobDuedate().asc().list();
    assertThat(reminders).extracting(j -> j.getDuedate().toInstant()).containsExactly(
        java.time.Instant.parse("2026-04-14T22:00:00Z"), java.time.Instant.parse("2026-12-15T23:00:00Z"));

    management.executeJob(reminders.get(0).getId());
    f.runDueJobs();
    assertThat(instance).hasPassed("End_ReminderStale");
    assertThat(f.inbox.types()).doesNotContain(NoticeType.HOLD_ENDS_SOON);

    management.executeJob(reminders.get(1).getId());
    f.runDueJobs();
    assertThat(instance).hasPassed("Task_NotifyHoldEndsSoon", "End_Reminded");
    assertThat(f.inbox.last().type()).isEqualTo(NoticeType.HOLD_ENDS_SOON);
    assertThat(f.inbox.last().dutch()).contains("15 januari 2027");
  }

  @Test
  void firstHoldEndsSoon_municipalityStillDeciding_extendsOnceByTwoMonthsBeforeTheEnd() throws Exception {
    org.camunda.bpm.engine.test.mock.Mocks.register("municipalityDecidingDelegate",
        (org.camunda.bpm.engine.delegate.JavaDelegate) e -> {
          e.setVariable("municipalityDeciding", true);
          e.setVariable("leniencyChecked", true);
        });
    ProcessInstance instance = brake.brakeWaitingForProof();
    var management = f.engine.getManagementService();
    assertThat(management.createJobQuery().activityId("Event_FirstHoldEndsSoon").singleResult().getDuedate()
        .toInstant()).isEqualTo(java.time.Instant.parse("2026-05-11T22:00:00Z"));

    f.fireTimer("Event_FirstHoldEndsSoon");
    f.fireTimer("Event_LeniencyHoldAckOverdue");
    f.completeAs(Fixture.OPERATOR, f.engine.getTaskService().createTaskQuery()
        .taskDefinitionKey("Task_CheckLeniencyHoldAck").singleResult().getId(), Map.of());
    brake.acknowledge(instance, "Task_AwaitLeniencyHoldAck", HoldAcknowledgement.Action.HOLD);

    ArgumentCaptor<HoldCommand> holds = ArgumentCaptor.forClass(HoldCommand.class);
    verify(f.collectionSystem, org.mockito.Mockito.times(2)).sendHold(holds.capture());
    assertThat(holds.getValue().period()).isEqualTo(new HoldPeriod(Fixture.TODAY, LocalDate.of(2026, 7, 15)));
    assertThat(instance).hasPassed("Task_NotifyLeniency", "End_LeniencyHoldAckChecked")
        .isWaitingAt("Gateway_ProofOrFirstHoldEnd").variables().containsEntry("holdEnd", "2026-07-15");
    assertThat(f.inbox.last().type()).isEqualTo(NoticeType.HOLD_EXTENDED_MUNICIPALITY_DECIDING);
    assertThat(management.createJobQuery().activityId("Event_FirstHoldEnded").singleResult().getDuedate()
        .toInstant()).isEqualTo(java.time.Instant.parse("2026-07-14T22:00:00Z"));
    // checked once: the check's timer now lies past the end, so the end comes first
    assertThat(management.createJobQuery().activityId("Event_FirstHoldEndsSoon").singleResult().getDuedate()
        .toInstant()).isEqualTo(java.time.Instant.parse("2026-07-15T22:00:00Z"));
  }

  @Test
  void firstHoldEndsSoon_municipalityNotDeciding_changesNothing() throws Exception {
    ProcessInstance instance = brake.brakeWaitingForProof();

    f.fireTimer("Event_FirstHoldEndsSoon");

    assertThat(instance).hasPassed("Gateway_MunicipalityDeciding").hasNotPassed("Task_ExtendWhileMunicipalityDecides")
        .isWaitingAt("Gateway_ProofOrFirstHoldEnd").variables().containsEntry("holdEnd", "2026-05-15")
        .containsEntry("municipalityDeciding", false);
    verify(f.collectionSystem, org.mockito.Mockito.times(1)).sendHold(any());
  }

  // ---- review by a case officer

  @Test
  void decideHold_wsnp_asksACaseOfficerWithOnlyTheFactsNeeded() throws Exception {
    ProcessInstance instance = brake.brakeWaitingForProof();

    brake.present(new Verification.Accepted(facts(Fixture.CITIZEN, AssistanceType.WSNP, LocalDate.of(2026, 1, 5),
        LocalDate.of(2027, 7, 5), 41)));
    f.runDueJobs();

    assertThat(instance).isWaitingAt("Task_ReviewHoldDecision");
    Task review = f.engine.getTaskService().createTaskQuery().taskCandidateGroup("cjib-case-officers").singleResult();
    assertThat(review.getDueDate()).isNotNull();
    var form = f.engine.getFormService().getTaskFormData(review.getId()).getFormFields();
    assertThat(form).extracting("id").containsExactly("assistanceType", "helpStartDate", "caseCount",
        "totalOutstandingText", "highestStage", "previousBrakes", "extensionsGranted", "holdMonths", "decisionReason",
        "reviewOutcome", "changedHoldMonths", "reviewNote");
    assertThat(f.engine.getFormService().getTaskFormVariables(review.getId()).getValue("totalOutstandingText",
        String.class)).isEqualTo("€ 535,00");
    assertThat(instance).variables().containsEntry("holdMonths", 12L).containsEntry("reviewRequired", true);
  }

  @Test
  void reviewHoldDecision_approved_extendsByTheProposal() throws Exception {
    ProcessInstance instance = reviewPending();
    Task review = claimedReview();

    f.completeAs(Fixture.OFFICER, review.getId(), Map.of("reviewOutcome", "APPROVE"));
    f.runDueJobs();

    assertThat(instance).isWaitingAt("Task_AwaitExtensionAck").variables().containsEntry("grantedHoldMonths", 12L)
        .containsEntry("holdAuthority", "CASE_OFFICER");
    assertThat(f.audit.records).anyMatch(r -> r.action() == AuditAction.HOLD_REVIEWED
        && r.actor().equals("officer-1"));
    // 12 months from the old end (2026-05-15): a case officer may go past the rules' 12 months, up to 18
    ArgumentCaptor<HoldCommand> holds = ArgumentCaptor.forClass(HoldCommand.class);
    verify(f.collectionSystem, atLeastOnce()).sendHold(holds.capture());
    assertThat(holds.getValue().period()).isEqualTo(new HoldPeriod(Fixture.TODAY, LocalDate.of(2027, 5, 15)));
  }

  @Test
  void reviewHoldDecision_changed_extendsByTheOfficersMonths() throws Exception {
    ProcessInstance instance = reviewPending();
    Task review = claimedReview();

    f.completeAs(Fixture.OFFICER, review.getId(),
        Map.of("reviewOutcome", "CHANGE", "changedHoldMonths", 6L, "reviewNote", "court decides in June"));
    f.runDueJobs();

    brake.acknowledge(instance, "Task_AwaitExtensionAck", HoldAcknowledgement.Action.HOLD);
    assertThat(instance).variables().containsEntry("holdEnd", "2026-11-15");
  }

  @Test
  void reviewHoldDecision_changeWithoutReasonOrUnclaimed_isRefused() throws Exception {
    reviewPending();
    Task review = f.engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_ReviewHoldDecision")
        .singleResult();
    var tasks = f.engine.getTaskService();

    assertThatThrownBy(() -> f.as(Fixture.OFFICER, () -> tasks.complete(review.getId(),
        Map.of("reviewOutcome", "APPROVE")))).hasMessageContaining("Claim the task");
    f.claimAs(Fixture.OFFICER, review.getId());
    assertThatThrownBy(() -> f.completeAs(Fixture.OFFICER, review.getId(),
        Map.of("reviewOutcome", "CHANGE", "changedHoldMonths", 6L))).hasMessageContaining("reason");
    // the task guard's bound: no review can add more than 18 - 4 months
    assertThatThrownBy(() -> f.completeAs(Fixture.OFFICER, review.getId(),
        Map.of("reviewOutcome", "CHANGE", "changedHoldMonths", 30L, "reviewNote", "x"))).hasMessageContaining("1 to 14");
    assertThatThrownBy(() -> f.completeAs(Fixture.OFFICER, review.getId(), Map.of("reviewOutcome", "MAYBE")))
        .hasMessageContaining("must be one of");
    assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
  }

  @Test
  void reviewEscalationTimer_isDueThreeDaysBeforeTheHoldEndsAtMidnightAmsterdam() throws Exception {
    ProcessInstance instance = reviewPending();

    var timer = f.engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .activityId("Event_ReviewOutlastsHold").singleResult();

    assertThat(timer.getDuedate().toInstant()).isEqualTo(java.time.Instant.parse("2026-05-11T22:00:00Z"));
    Task review = f.engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_ReviewHoldDecision")
        .singleResult();
    assertThat(review.getDueDate().toInstant()).isEqualTo(java.time.Instant.parse("2026-04-30T22:00:00Z"));
  }

  @Test
  void reviewOutlastsTheHold_theProposalIsAppliedWithinTheRulesBeforeTheHoldEnds() throws Exception {
    ProcessInstance instance = reviewPending();

    f.fireTimer("Event_ReviewOutlastsHold");

    assertThat(instance).hasPassed("Event_ReviewOutlastsHold").isWaitingAt("Task_AwaitExtensionAck")
        .variables().containsEntry("holdAuthority", "RULES");
    assertThat(f.engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_ReviewHoldDecision").count())
        .isZero();
    ArgumentCaptor<HoldCommand> holds = ArgumentCaptor.forClass(HoldCommand.class);
    verify(f.collectionSystem, atLeastOnce()).sendHold(holds.capture());
    // the WSNP proposal of 12 months from the old end is cut at 12 months from the first held day
    assertThat(holds.getValue().period()).isEqualTo(new HoldPeriod(Fixture.TODAY, LocalDate.of(2027, 1, 15)));
    assertThat(f.audit.records).anyMatch(r -> r.action() == AuditAction.HOLD_REVIEWED
        && r.detail().contains("applied within the rules"));
  }

  // ---- a repeated pull

  @Test
  void pullBrake_withinTwelveMonthsOfABrakeThatEndedWithoutProof_holdsNothingUntilACaseOfficerDecides()
      throws Exception {
    ProcessInstance first = brakeThatEndedWithoutProof();

    ProcessInstance second = brake.pull();

    assertThat(second.getId()).isNotEqualTo(first.getId());
    assertThat(second).isWaitingAt("Task_ReviewPull").variables().containsEntry("automaticHold", false)
        .containsEntry("monthsSinceUnprovenBrake", 0L).doesNotContainKey("holdEnd");
    verify(f.collectionSystem, org.mockito.Mockito.times(1)).sendHold(any());
    Task review = f.engine.getTaskService().createTaskQuery().taskCandidateGroup("cjib-case-officers")
        .singleResult();
    assertThat(f.engine.getFormService().getTaskFormData(review.getId()).getFormFields()).extracting("id")
        .containsExactly("caseCount", "totalOutstandingText", "highestStage", "previousBrakes",
            "monthsSinceUnprovenBrake", "pullReason", "pullOutcome", "pullNote");
  }

  @Test
  void reviewPull_granted_holdsForFourMonths() throws Exception {
    brakeThatEndedWithoutProof();
    ProcessInstance second = brake.pull();
    Task review = f.engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_ReviewPull").singleResult();
    f.claimAs(Fixture.OFFICER, review.getId());

    f.completeAs(Fixture.OFFICER, review.getId(), Map.of("pullOutcome", "GRANT",
        "pullNote", "registered at the municipality last week"));
    f.runDueJobs();

    assertThat(second).isWaitingAt("Task_AwaitFirstHoldAck").variables().containsEntry("holdEnd", "2026-05-15");
    verify(f.collectionSystem, org.mockito.Mockito.times(2)).sendHold(any());
    assertThat(f.audit.records).anyMatch(r -> r.action() == AuditAction.HOLD_REVIEWED
        && r.actor().equals("officer-1") && r.detail().contains("GRANT"));
  }

  @Test
  void reviewPull_refused_tellsTheCitizenAndEndsWithoutAHold() throws Exception {
    brakeThatEndedWithoutProof();
    ProcessInstance second = brake.pull();
    var tasks = f.engine.getTaskService();
    Task review = tasks.createTaskQuery().taskDefinitionKey("Task_ReviewPull").singleResult();
    f.claimAs(Fixture.OFFICER, review.getId());

    assertThatThrownBy(() -> f.completeAs(Fixture.OFFICER, review.getId(), Map.of("pullOutcome", "REFUSE")))
        .hasMessageContaining("reason");
    // the task guard refuses a value the form does not offer before the listener sees it
    assertThatThrownBy(() -> f.completeAs(Fixture.OFFICER, review.getId(),
        Map.of("pullOutcome", "MAYBE", "pullNote", "x"))).hasMessageContaining("must be one of");
    f.completeAs(Fixture.OFFICER, review.getId(), Map.of("pullOutcome", "REFUSE", "pullNote", "third pull, no contact"));
    f.runDueJobs();

    assertThat(second).isEnded().hasPassed("Task_NotifyPullRefused", "End_PullRefused");
    assertThat(f.inbox.last().type()).isEqualTo(NoticeType.PULL_REFUSED);
    verify(f.collectionSystem, org.mockito.Mockito.times(1)).sendHold(any());
    verify(f.collectionSystem, org.mockito.Mockito.times(1)).sendLift(any());
    assertThat(f.brakes.rows).filteredOn(r -> r.brakeRef().equals(second.getBusinessKey()))
        .extracting("outcome").containsExactly("NOT_HELD");
  }

  @Test
  void pullBrake_twelveMonthsOrMoreAfterABrakeWithoutProof_holdsAtOnce() throws Exception {
    brake.givenTwoOrdinaryCases();
    f.brakes.rows.add(new nl.noodrem.processes.support.InMemoryBrakeRegister.Row("NR-OLD00001", f.citizenRef(),
        LocalDate.of(2024, 9, 1), LocalDate.of(2025, 1, 15), "NO_PROOF_PRESENTED"));

    ProcessInstance instance = brake.pull();

    assertThat(instance).isWaitingAt("Task_AwaitFirstHoldAck").variables()
        .containsEntry("monthsSinceUnprovenBrake", 12L).containsEntry("automaticHold", true);
  }

  // ---- after the extension: hold end, revocation, renewal

  @Test
  void holdEnded_afterExtension_liftsForPeriodEnded() throws Exception {
    ProcessInstance instance = extendedBrake();

    f.fireTimer("Event_HoldEnded");

    ArgumentCaptor<LiftCommand> lift = ArgumentCaptor.forClass(LiftCommand.class);
    verify(f.collectionSystem).sendLift(lift.capture());
    assertThat(lift.getValue().reason()).isEqualTo(HoldLifted.Reason.PERIOD_ENDED);
    brake.acknowledge(instance, "Task_AwaitLiftAck", HoldAcknowledgement.Action.LIFT);
    assertThat(instance).isEnded();
    assertThat(f.inbox.last().type()).isEqualTo(NoticeType.HOLD_LIFTED);
  }

  @Test
  void credentialRevoked_graceOver_liftsForRevocation() throws Exception {
    ProcessInstance instance = extendedBrake();

    assertThat(f.gateway.deliver(revoked("block-9:0", 7, 41))).isEqualTo(ProcessGateway.Delivery.CORRELATED);
    f.runDueJobs();

    assertThat(instance).isWaitingAt("Gateway_GraceOrRenewal").variables().containsEntry("graceEnd", "2026-02-14");
    assertThat(f.inbox.last().type()).isEqualTo(NoticeType.GRACE_PERIOD_STARTED);
    var graceTimer = f.engine.getManagementService().createJobQuery().activityId("Event_GracePeriodOver")
        .singleResult();
    assertThat(graceTimer.getDuedate().toInstant()).isEqualTo(java.time.Instant.parse("2026-02-13T23:00:00Z"));

    f.fireTimer("Event_GracePeriodOver");

    ArgumentCaptor<LiftCommand> lift = ArgumentCaptor.forClass(LiftCommand.class);
    verify(f.collectionSystem).sendLift(lift.capture());
    assertThat(lift.getValue().reason()).isEqualTo(HoldLifted.Reason.CREDENTIAL_REVOKED);
  }

  @Test
  void credentialRevoked_otherCredentialOrDuplicate_changesNothing() throws Exception {
    ProcessInstance instance = extendedBrake();

    assertThat(f.gateway.deliver(revoked("block-9:0", 7, 99))).isEqualTo(ProcessGateway.Delivery.NOT_NEEDED);
    assertThat(f.gateway.deliver(revoked("block-9:1", 7, 41))).isEqualTo(ProcessGateway.Delivery.CORRELATED);
    assertThat(f.gateway.deliver(revoked("block-9:1", 7, 41))).isEqualTo(ProcessGateway.Delivery.DUPLICATE);
    f.runDueJobs();

    assertThat(f.inbox.types()).containsOnlyOnce(NoticeType.GRACE_PERIOD_STARTED);
    assertThat(instance).isWaitingAt("Gateway_GraceOrRenewal");
  }

  @Test
  void holdEnded_duringGrace_liftsForPeriodEnded() throws Exception {
    ProcessInstance instance = extendedBrake();
    f.gateway.deliver(revoked("block-9:0", 7, 41));
    f.runDueJobs();

    f.fireTimer("Event_HoldEndedDuringGrace");

    ArgumentCaptor<LiftCommand> lift = ArgumentCaptor.forClass(LiftCommand.class);
    verify(f.collectionSystem).sendLift(lift.capture());
    assertThat(lift.getValue().reason()).isEqualTo(HoldLifted.Reason.PERIOD_ENDED);
    assertThat(instance).hasPassed("Event_HoldEndedDuringGrace");
  }

  @Test
  void newProof_duringGrace_acceptedExtendsAgainAndEndsTheGrace() throws Exception {
    ProcessInstance instance = extendedBrake();
    f.gateway.deliver(revoked("block-9:0", 7, 41));
    f.runDueJobs();

    ProofResult result = brake.present(new Verification.Accepted(facts(Fixture.CITIZEN, AssistanceType.MSNP,
        LocalDate.of(2026, 1, 20), LocalDate.of(2027, 7, 20), 55)));
    f.runDueJobs();
    brake.acknowledge(instance, "Task_AwaitExtensionAck", HoldAcknowledgement.Action.HOLD);

    assertThat(result.status()).isEqualTo(ProofResult.Status.ACCEPTED);
    assertThat(instance).hasPassed("Event_ProofRenewedDuringGrace", "Task_VerifyRenewedProof")
        .isWaitingAt("Gateway_HoldEndRevocationOrRenewal")
        // the rules alone never hold past 12 months from the first held day: the renewal ends the grace, no more
        .variables().containsEntry("holdEnd", "2027-01-15").containsEntry("statusIndex", 55L)
        .containsEntry("extensionsGranted", 2L).doesNotContainKey("graceEnd");
  }

  @Test
  void newProof_duringGrace_refusedKeepsTheGrace() throws Exception {
    ProcessInstance instance = extendedBrake();
    f.gateway.deliver(revoked("block-9:0", 7, 41));
    f.runDueJobs();

    ProofResult result = brake.present(new Verification.Rejected(ProofRejection.ISSUER_NOT_ACCREDITED));

    assertThat(result.rejection()).contains(ProofRejection.ISSUER_NOT_ACCREDITED);
    assertThat(instance).isWaitingAt("Gateway_GraceOrRenewal").variables().containsEntry("graceEnd", "2026-02-14");
  }

  @Test
  void newProof_duringTheHold_refusedKeepsWaitingAndAcceptedExtends() throws Exception {
    ProcessInstance instance = extendedBrake();

    assertThat(brake.present(new Verification.Rejected(ProofRejection.REPLAYED)).status())
        .isEqualTo(ProofResult.Status.REJECTED);
    assertThat(instance).isWaitingAt("Gateway_HoldEndRevocationOrRenewal");

    assertThat(brake.presentValidProof().status()).isEqualTo(ProofResult.Status.ACCEPTED);
    f.runDueJobs();
    assertThat(instance).hasPassed("Event_ProofRenewed").isWaitingAt("Task_AwaitExtensionAck");
  }

  @Test
  void credentialRevoked_whileACaseOfficerReviews_startsTheGraceAfterTheExtension() throws Exception {
    ProcessInstance instance = reviewPending();

    assertThat(f.gateway.deliver(revoked("block-9:0", 7, 41))).isEqualTo(ProcessGateway.Delivery.CORRELATED);
    assertThat(instance).variables().containsEntry("revocationPending", true);
    f.completeAs(Fixture.OFFICER, claimedReview().getId(), Map.of("reviewOutcome", "APPROVE"));
    f.runDueJobs();
    brake.acknowledge(instance, "Task_AwaitExtensionAck", HoldAcknowledgement.Action.HOLD);

    assertThat(instance).hasPassed("Gateway_RevokedMeanwhile", "Task_StartGracePeriod")
        .isWaitingAt("Gateway_GraceOrRenewal").variables().containsEntry("revocationPending", false);
  }

  @Test
  void extensionAcknowledgement_overdue_givesOperationsATask() throws Exception {
    brake.brakeWaitingForProof();
    brake.presentValidProof();
    f.runDueJobs();

    f.fireTimer("Event_ExtensionAckOverdue");
    Task check = f.engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_CheckExtensionAck")
        .singleResult();
    f.completeAs(Fixture.OPERATOR, check.getId(), Map.of());

    assertThat(f.engine.getHistoryService().createHistoricActivityInstanceQuery()
        .activityId("End_ExtensionAckChecked").count()).isEqualTo(1);
  }

  @Test
  void liftAcknowledgement_overdue_givesOperationsATask() throws Exception {
    ProcessInstance instance = brake.brakeWaitingForProof();
    f.fireTimer("Event_FirstHoldEnded");

    f.fireTimer("Event_LiftAckOverdue");
    f.completeAs(Fixture.OPERATOR, f.engine.getTaskService().createTaskQuery()
        .taskDefinitionKey("Task_CheckLiftAck").singleResult().getId(), Map.of());
    brake.acknowledge(instance, "Task_AwaitLiftAck", HoldAcknowledgement.Action.LIFT);

    assertThat(instance).hasPassed("End_LiftAckChecked").isEnded();
  }

  // ---- new cases during the hold

  @Test
  void caseOpened_duringTheHold_isHeldUntilTheHoldEndAndJoinsTheBrake() throws Exception {
    ProcessInstance instance = brake.brakeWaitingForProof();

    assertThat(f.gateway.caseOpened(caseOpened("cjib-case-777")))
        .isEqualTo(ProcessGateway.Delivery.CORRELATED);
    f.runDueJobs();

    ArgumentCaptor<HoldCommand> holds = ArgumentCaptor.forClass(HoldCommand.class);
    verify(f.collectionSystem, atLeastOnce()).sendHold(holds.capture());
    HoldCommand newHold = holds.getValue();
    assertThat(newHold.cases()).containsExactly(NEW_CASE);
    assertThat(newHold.period().end()).isEqualTo(LocalDate.of(2026, 5, 15));
    assertThat(CaseList.fromJson((String) f.engine.getRuntimeService().getVariable(instance.getId(), "cases")))
        .containsExactly(FINE, CRIMINAL, NEW_CASE);

    f.gateway.holdAcknowledged(new HoldAcknowledgement(newHold.commandId(), instance.getBusinessKey(),
        HoldAcknowledgement.Action.HOLD, List.of(NEW_CASE), List.of(), null));
    f.runDueJobs();

    assertThat(instance).hasPassed("End_NewCaseHeld").isWaitingAt("Gateway_ProofOrFirstHoldEnd");
    assertThat(f.inbox.last().type()).isEqualTo(NoticeType.NEW_CASE_HELD);
    assertThat(f.gateway.caseOpened(caseOpened("cjib-case-777-again")))
        .isEqualTo(ProcessGateway.Delivery.NOT_NEEDED);
    assertThat(f.gateway.caseOpened(caseOpened("cjib-case-777")))
        .isEqualTo(ProcessGateway.Delivery.DUPLICATE);

    f.fireTimer("Event_FirstHoldEnded");
    ArgumentCaptor<LiftCommand> lift = ArgumentCaptor.forClass(LiftCommand.class);
    verify(f.collectionSystem).sendLift(lift.capture());
    assertThat(lift.getValue().cases()).containsExactly(FINE, CRIMINAL, NEW_CASE);
  }

  @Test
  void caseOpened_whileTheFirstHoldIsRetried_joinsTheFirstHold() throws Exception {
    brake.givenTwoOrdinaryCases();
    doThrow(new CollectionSystemException("broker down", true, null)).doNothing().when(f.collectionSystem)
        .sendHold(any());
    var pulled = f.brakeService.pullBrake(Fixture.CITIZEN, true);
    assertThatThrownBy(() -> f.runDueJobs()).hasMessageContaining("broker down");
    ProcessInstance instance = brake.instance(pulled.brakeRef());

    assertThat(f.gateway.caseOpened(caseOpened("cjib-case-777"))).isEqualTo(ProcessGateway.Delivery.CORRELATED);
    var management = f.engine.getManagementService();
    management.executeJob(management.createJobQuery().processInstanceId(instance.getId())
        .activityId("Task_PlaceFirstHold").singleResult().getId());

    ArgumentCaptor<HoldCommand> holds = ArgumentCaptor.forClass(HoldCommand.class);
    verify(f.collectionSystem, org.mockito.Mockito.times(2)).sendHold(holds.capture());
    assertThat(holds.getValue().cases()).containsExactly(FINE, CRIMINAL, NEW_CASE);
    assertThat(instance).hasPassed("Task_JoinFirstHold", "End_NewCaseJoinsFirstHold")
        .isWaitingAt("Task_AwaitFirstHoldAck").variables().containsEntry("caseCount", 3L);
  }

  @Test
  void caseOpened_whileACaseOfficerDecidesOnARepeatedPull_isHeldWithTheGrantedHold() throws Exception {
    brakeThatEndedWithoutProof();
    ProcessInstance second = brake.pull();
    f.gateway.caseOpened(caseOpened("cjib-case-777"));
    Task review = f.engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_ReviewPull").singleResult();
    f.claimAs(Fixture.OFFICER, review.getId());

    f.completeAs(Fixture.OFFICER, review.getId(), Map.of("pullOutcome", "GRANT", "pullNote", "new facts"));
    f.runDueJobs();

    ArgumentCaptor<HoldCommand> holds = ArgumentCaptor.forClass(HoldCommand.class);
    verify(f.collectionSystem, org.mockito.Mockito.times(2)).sendHold(holds.capture());
    assertThat(holds.getValue().cases()).containsExactly(FINE, CRIMINAL, NEW_CASE);
    assertThat(second).isWaitingAt("Task_AwaitFirstHoldAck");
  }

  @Test
  void caseOpened_newCaseAcknowledgementOverdue_givesOperationsATask() throws Exception {
    brake.brakeWaitingForProof();
    f.gateway.caseOpened(caseOpened("cjib-case-777"));
    f.runDueJobs();

    f.fireTimer("Event_NewCaseHoldAckOverdue");
    f.completeAs(Fixture.OPERATOR, f.engine.getTaskService().createTaskQuery()
        .taskDefinitionKey("Task_CheckNewCaseHoldAck").singleResult().getId(), Map.of());

    assertThat(f.engine.getHistoryService().createHistoricActivityInstanceQuery()
        .activityId("End_NewCaseHoldAckChecked").count()).isEqualTo(1);
  }

  @Test
  void caseOpened_whileTheHoldIsLifted_isNotHeld() throws Exception {
    ProcessInstance instance = brake.brakeWaitingForProof();
    f.fireTimer("Event_FirstHoldEnded");

    f.gateway.caseOpened(caseOpened("cjib-case-777"));
    f.runDueJobs();

    assertThat(instance).hasPassed("End_NewCaseNotHeld");
    verify(f.collectionSystem, org.mockito.Mockito.times(1)).sendHold(any());
  }

  @Test
  void caseOpened_withoutRunningBrake_isNotNeeded() throws Exception {
    assertThat(f.gateway.caseOpened(caseOpened("cjib-case-1")))
        .isEqualTo(ProcessGateway.Delivery.NOT_NEEDED);
  }

  // ---- staff end and correct brakes through the model

  @Test
  void endBrake_citizenWithdraws_liftsTheHeldCasesAndTellsTheCitizenWhy() throws Exception {
    ProcessInstance instance = brake.brakeWaitingForProof();

    f.staffService.endBrake(instance.getBusinessKey(), HoldLifted.Reason.CITIZEN_WITHDREW, "officer-1",
        "citizen phoned: found another arrangement");
    f.runDueJobs();

    ArgumentCaptor<LiftCommand> lift = ArgumentCaptor.forClass(LiftCommand.class);
    verify(f.collectionSystem).sendLift(lift.capture());
    assertThat(lift.getValue().reason()).isEqualTo(HoldLifted.Reason.CITIZEN_WITHDREW);
    assertThat(lift.getValue().cases()).containsExactly(FINE, CRIMINAL);
    assertThat(instance).hasPassed("Event_EndRequested", "Task_LiftOnRequest").isWaitingAt("Task_AwaitRequestedLiftAck");

    brake.acknowledge(instance, "Task_AwaitRequestedLiftAck", HoldAcknowledgement.Action.LIFT);

    assertThat(instance).isEnded().hasPassed("Task_NotifyEndedOnRequest", "End_EndedOnRequest");
    assertThat(f.inbox.last().english()).contains("you asked to stop the brake");
    assertThat(f.audit.records).anyMatch(r -> r.action() == AuditAction.STAFF_REQUEST
        && r.actor().equals("officer-1") && r.detail().contains("CITIZEN_WITHDREW"));
    assertThat(f.brakes.rows).extracting("outcome").containsExactly("CITIZEN_WITHDREW");
    verify(f.collectionSystem, org.mockito.Mockito.times(1)).sendLift(any());
  }

  @Test
  void endBrake_casesPaidWhileTheLiftAcknowledgementIsLate_givesOperationsATask() throws Exception {
    ProcessInstance instance = extendedBrake();
    f.staffService.endBrake(instance.getBusinessKey(), HoldLifted.Reason.CASES_PAID, "officer-1", "all paid");
    f.runDueJobs();

    f.fireTimer("Event_RequestedLiftAckOverdue");
    f.completeAs(Fixture.OPERATOR, f.engine.getTaskService().createTaskQuery()
        .taskDefinitionKey("Task_CheckRequestedLiftAck").singleResult().getId(), Map.of());
    brake.acknowledge(instance, "Task_AwaitRequestedLiftAck", HoldAcknowledgement.Action.LIFT);

    assertThat(instance).hasPassed("End_RequestedLiftAckChecked").isEnded();
    assertThat(f.inbox.last().dutch()).contains("uw zaken zijn betaald");
  }

  @Test
  void endBrake_beforeAnyHoldWasPlaced_endsWithoutALift() throws Exception {
    brakeThatEndedWithoutProof();
    ProcessInstance second = brake.pull();

    f.staffService.endBrake(second.getBusinessKey(), HoldLifted.Reason.ENDED_BY_STAFF, "officer-1", "pulled twice");
    f.runDueJobs();

    assertThat(second).isEnded().hasPassed("Gateway_AnyHoldToLift", "End_EndedOnRequest")
        .hasNotPassed("Task_LiftOnRequest");
    verify(f.collectionSystem, org.mockito.Mockito.times(1)).sendLift(any());
    assertThat(f.engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_ReviewPull").count()).isZero();
  }

  @Test
  void endBrake_outsideTheRules_isRefusedAndChangesNothing() throws Exception {
    ProcessInstance instance = brake.brakeWaitingForProof();
    String ref = instance.getBusinessKey();

    assertThatThrownBy(() -> f.staffService.endBrake(ref, HoldLifted.Reason.PERIOD_ENDED, "officer-1", "x"))
        .isInstanceOf(BrakeStaffService.StaffRequestRefused.class);
    assertThatThrownBy(() -> f.staffService.endBrake(ref, HoldLifted.Reason.CASES_PAID, "officer-1", " "))
        .hasMessageContaining("reason");
    assertThatThrownBy(() -> f.staffService.endBrake("NR-00000000", HoldLifted.Reason.CASES_PAID, "officer-1", "x"))
        .hasMessageContaining("no running brake");
    f.fireTimer("Event_FirstHoldEnded");
    assertThatThrownBy(() -> f.staffService.endBrake(ref, HoldLifted.Reason.CASES_PAID, "officer-1", "x"))
        .hasMessageContaining("already being lifted");
    verify(f.collectionSystem, org.mockito.Mockito.times(1)).sendLift(any());
  }

  @Test
  void correctHoldEnd_withinACaseOfficersAuthority_sendsTheNewPeriodAndMovesTheTimer() throws Exception {
    ProcessInstance instance = extendedBrake();

    f.staffService.correctHoldEnd(instance.getBusinessKey(), LocalDate.of(2027, 3, 15), "officer-1",
        "settlement signed in March");
    f.runDueJobs();

    ArgumentCaptor<HoldCommand> holds = ArgumentCaptor.forClass(HoldCommand.class);
    verify(f.collectionSystem, atLeastOnce()).sendHold(holds.capture());
    assertThat(holds.getValue().period()).isEqualTo(new HoldPeriod(Fixture.TODAY, LocalDate.of(2027, 3, 15)));
    assertThat(holds.getValue().cases()).containsExactly(FINE, CRIMINAL);
    var timer = f.engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .activityId("Event_HoldEnded").singleResult();
    assertThat(timer.getDuedate().toInstant()).isEqualTo(java.time.Instant.parse("2027-03-14T23:00:00Z"));

    brake.acknowledge(instance, "Task_AwaitCorrectedHoldAck", HoldAcknowledgement.Action.HOLD);

    assertThat(instance).hasPassed("End_HoldEndCorrected").isWaitingAt("Gateway_HoldEndRevocationOrRenewal")
        .variables().containsEntry("holdEnd", "2027-03-15");
    assertThat(f.inbox.last().type()).isEqualTo(NoticeType.HOLD_END_CORRECTED);
    assertThat(f.inbox.last().dutch()).contains("15 maart 2027");
  }

  @Test
  void correctHoldEnd_duringTheFirstHold_movesTheFirstHoldTimerAndAnOverdueAcknowledgementGetsATask()
      throws Exception {
    ProcessInstance instance = brake.brakeWaitingForProof();

    f.staffService.correctHoldEnd(instance.getBusinessKey(), LocalDate.of(2026, 3, 1), "officer-1", "shorter");
    f.runDueJobs();
    f.fireTimer("Event_CorrectedHoldAckOverdue");
    f.completeAs(Fixture.OPERATOR, f.engine.getTaskService().createTaskQuery()
        .taskDefinitionKey("Task_CheckCorrectedHoldAck").singleResult().getId(), Map.of());

    var timer = f.engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .activityId("Event_FirstHoldEnded").singleResult();
    assertThat(timer.getDuedate().toInstant()).isEqualTo(java.time.Instant.parse("2026-02-28T23:00:00Z"));
    assertThat(instance).hasPassed("End_CorrectedHoldAckChecked").isWaitingAt("Task_AwaitCorrectedHoldAck");
  }

  @Test
  void correctHoldEnd_beyondEighteenMonthsOrNotAfterToday_isRefusedAndSendsNothing() throws Exception {
    ProcessInstance instance = brake.brakeWaitingForProof();
    String ref = instance.getBusinessKey();

    assertThatThrownBy(() -> f.staffService.correctHoldEnd(ref, LocalDate.of(2027, 7, 16), "officer-1", "x"))
        .isInstanceOf(BrakeStaffService.StaffRequestRefused.class).hasMessageContaining("2027-07-15");
    assertThatThrownBy(() -> f.staffService.correctHoldEnd(ref, Fixture.TODAY, "officer-1", "x"))
        .hasMessageContaining("after today");
    verify(f.collectionSystem, org.mockito.Mockito.times(1)).sendHold(any());
    assertThat(instance).variables().containsEntry("holdEnd", "2026-05-15");
  }

  // ---- ending otherwise, and privacy

  @Test
  void cancelledInCockpit_liftsTheHeldCasesAndFreesTheCitizenToPullAgain() throws Exception {
    ProcessInstance instance = brake.brakeWaitingForProof();

    f.engine.getRuntimeService().deleteProcessInstance(instance.getId(), "cancelled by process owner");

    ArgumentCaptor<LiftCommand> lift = ArgumentCaptor.forClass(LiftCommand.class);
    verify(f.collectionSystem).sendLift(lift.capture());
    assertThat(lift.getValue().reason()).isEqualTo(HoldLifted.Reason.BRAKE_CANCELLED);
    assertThat(lift.getValue().cases()).containsExactly(FINE, CRIMINAL);
    assertThat(f.brakes.activeBrake(f.citizenRef())).isEmpty();
    assertThat(f.brakeService.pullBrake(Fixture.CITIZEN, true).joined()).isFalse();
  }

  @Test
  void cancelledInCockpitSkippingCustomListeners_stillLiftsTheHeldCases() throws Exception {
    ProcessInstance instance = brake.brakeWaitingForProof();

    f.engine.getRuntimeService().deleteProcessInstance(instance.getId(), "cancelled", true);

    ArgumentCaptor<LiftCommand> lift = ArgumentCaptor.forClass(LiftCommand.class);
    verify(f.collectionSystem).sendLift(lift.capture());
    assertThat(lift.getValue().reason()).isEqualTo(HoldLifted.Reason.BRAKE_CANCELLED);
    assertThat(f.brakes.activeBrake(f.citizenRef())).isEmpty();
  }

  @Test
  void cancelledInCockpitWhileTheLiftIsAwaited_sendsNoSecondLift() throws Exception {
    ProcessInstance instance = brake.brakeWaitingForProof();
    f.fireTimer("Event_FirstHoldEnded");

    f.engine.getRuntimeService().deleteProcessInstance(instance.getId(), "cancelled");

    verify(f.collectionSystem, org.mockito.Mockito.times(1)).sendLift(any());
  }

  @Test
  void fullBrake_leavesNoBsnInTheDatabaseHistoryOrLogs() throws Exception {
    var logs = PrivacyScan.captureLogs();
    ProcessInstance instance = brake.brakeWaitingForProof();
    brake.present(new Verification.Accepted(facts(Fixture.OTHER_CITIZEN, AssistanceType.MSNP,
        LocalDate.of(2026, 1, 5), LocalDate.of(2027, 7, 5), 41)));
    brake.present(new Verification.Accepted(facts(Fixture.CITIZEN, AssistanceType.WSNP, LocalDate.of(2026, 1, 5),
        LocalDate.of(2027, 7, 5), 41)));
    f.runDueJobs();
    f.completeAs(Fixture.OFFICER, claimedReview().getId(), Map.of("reviewOutcome", "APPROVE"));
    f.runDueJobs();
    brake.acknowledge(instance, "Task_AwaitExtensionAck", HoldAcknowledgement.Action.HOLD);
    f.gateway.caseOpened(caseOpened("cjib-case-777"));
    f.runDueJobs();
    f.gateway.deliver(revoked("block-9:0", 7, 41));
    f.runDueJobs();
    f.fireTimer("Event_GracePeriodOver");
    brake.acknowledge(instance, "Task_AwaitLiftAck", HoldAcknowledgement.Action.LIFT);
    assertThat(instance).isEnded();

    assertThat(PrivacyScan.databaseHits(f.engine, Fixture.CITIZEN)).isEmpty();
    assertThat(PrivacyScan.databaseHits(f.engine, Fixture.OTHER_CITIZEN)).isEmpty();
    assertThat(PrivacyScan.logHits(logs, Fixture.CITIZEN)).isEmpty();
    assertThat(f.engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
        .singleResult().getBusinessKey()).startsWith("NR-");
    assertThat(f.audit.records).allSatisfy(r -> assertThat(r.detail() + r.reference())
        .doesNotContain(Fixture.CITIZEN.digits()));
  }

  /** A brake whose first hold ended without a proof today (the lift acknowledged). */
  private ProcessInstance brakeThatEndedWithoutProof() throws Exception {
    ProcessInstance instance = brake.brakeWaitingForProof();
    f.fireTimer("Event_FirstHoldEnded");
    brake.acknowledge(instance, "Task_AwaitLiftAck", HoldAcknowledgement.Action.LIFT);
    assertThat(instance).isEnded();
    return instance;
  }

  private ProcessInstance reviewPending() throws Exception {
    ProcessInstance instance = brake.brakeWaitingForProof();
    brake.present(new Verification.Accepted(facts(Fixture.CITIZEN, AssistanceType.WSNP, LocalDate.of(2026, 1, 5),
        LocalDate.of(2027, 7, 5), 41)));
    f.runDueJobs();
    return instance;
  }

  private Task claimedReview() {
    Task review = f.engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_ReviewHoldDecision")
        .singleResult();
    f.claimAs(Fixture.OFFICER, review.getId());
    return review;
  }

  /** A brake extended by 8 months on a valid proof (status slot 7/41), waiting for the end, a revocation or renewal. */
  private ProcessInstance extendedBrake() throws Exception {
    ProcessInstance instance = brake.brakeWaitingForProof();
    brake.presentValidProof();
    f.runDueJobs();
    brake.acknowledge(instance, "Task_AwaitExtensionAck", HoldAcknowledgement.Action.HOLD);
    return instance;
  }

  private static CredentialStatusChanged revoked(String sourceId, long list, long index) {
    return new CredentialStatusChanged(sourceId, Fixture.NOW, list, index, true, 9);
  }

  private CaseOpened caseOpened(String sourceId) {
    return new CaseOpened(sourceId, Fixture.NOW, f.citizenRef(),
        openCase(NEW_CASE, OpenCase.Kind.WAHV, 9_500, OpenCase.Stage.DECISION));
  }
}
