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
    assertThat(f.inbox.last().dutch()).contains("15-05-2026").contains(instance.getBusinessKey());
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
    f.engine.getTaskService().complete(check.getId());

    assertThat(instance).hasPassed("End_FirstHoldAckChecked").isWaitingAt("Task_AwaitFirstHoldAck");
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

    f.engine.getTaskService().complete(review.getId(), Map.of("reviewOutcome", "APPROVE"));
    f.runDueJobs();

    assertThat(instance).isWaitingAt("Task_AwaitExtensionAck").variables().containsEntry("grantedHoldMonths", 12L);
    assertThat(f.audit.records).anyMatch(r -> r.action() == AuditAction.HOLD_REVIEWED
        && r.actor().equals("officer-1"));
  }

  @Test
  void reviewHoldDecision_changed_extendsByTheOfficersMonths() throws Exception {
    ProcessInstance instance = reviewPending();
    Task review = claimedReview();

    f.engine.getTaskService().complete(review.getId(),
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

    assertThatThrownBy(() -> tasks.complete(review.getId(), Map.of("reviewOutcome", "APPROVE")))
        .hasMessageContaining("claim the task");
    tasks.claim(review.getId(), "officer-1");
    assertThatThrownBy(() -> tasks.complete(review.getId(),
        Map.of("reviewOutcome", "CHANGE", "changedHoldMonths", 6L))).hasMessageContaining("reason");
    assertThatThrownBy(() -> tasks.complete(review.getId(),
        Map.of("reviewOutcome", "CHANGE", "changedHoldMonths", 30L, "reviewNote", "x"))).hasMessageContaining("months");
    assertThatThrownBy(() -> tasks.complete(review.getId(), Map.of("reviewOutcome", "MAYBE")))
        .hasMessageContaining("APPROVE or CHANGE");
    assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
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
        .variables().containsEntry("holdEnd", "2027-09-15").containsEntry("statusIndex", 55L)
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
    f.engine.getTaskService().complete(claimedReview().getId(), Map.of("reviewOutcome", "APPROVE"));
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
    f.engine.getTaskService().complete(check.getId());

    assertThat(f.engine.getHistoryService().createHistoricActivityInstanceQuery()
        .activityId("End_ExtensionAckChecked").count()).isEqualTo(1);
  }

  @Test
  void liftAcknowledgement_overdue_givesOperationsATask() throws Exception {
    ProcessInstance instance = brake.brakeWaitingForProof();
    f.fireTimer("Event_FirstHoldEnded");

    f.fireTimer("Event_LiftAckOverdue");
    f.engine.getTaskService().complete(f.engine.getTaskService().createTaskQuery()
        .taskDefinitionKey("Task_CheckLiftAck").singleResult().getId());
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
  void caseOpened_newCaseAcknowledgementOverdue_givesOperationsATask() throws Exception {
    brake.brakeWaitingForProof();
    f.gateway.caseOpened(caseOpened("cjib-case-777"));
    f.runDueJobs();

    f.fireTimer("Event_NewCaseHoldAckOverdue");
    f.engine.getTaskService().complete(f.engine.getTaskService().createTaskQuery()
        .taskDefinitionKey("Task_CheckNewCaseHoldAck").singleResult().getId());

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

  // ---- ending otherwise, and privacy

  @Test
  void cancelledInCockpit_freesTheCitizenToPullAgain() throws Exception {
    ProcessInstance instance = brake.brakeWaitingForProof();

    f.engine.getRuntimeService().deleteProcessInstance(instance.getId(), "cancelled by process owner");

    assertThat(f.brakes.activeBrake(f.citizenRef())).isEmpty();
    assertThat(f.brakeService.pullBrake(Fixture.CITIZEN, true).joined()).isFalse();
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
    f.engine.getTaskService().complete(claimedReview().getId(), Map.of("reviewOutcome", "APPROVE"));
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
    f.engine.getTaskService().claim(review.getId(), "officer-1");
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
