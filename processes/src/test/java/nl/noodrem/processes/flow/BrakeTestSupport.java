package nl.noodrem.processes.flow;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;
import nl.noodrem.camel.api.CollectionSystemException;
import nl.noodrem.camel.api.HoldAcknowledgement;
import nl.noodrem.camel.api.OpenCase;
import nl.noodrem.domain.AssistanceType;
import nl.noodrem.domain.Bsn;
import nl.noodrem.domain.CaseNumber;
import nl.noodrem.domain.Money;
import nl.noodrem.processes.ProcessKeys;
import nl.noodrem.processes.port.DisclosedFacts;
import nl.noodrem.processes.port.PortUnavailableException;
import nl.noodrem.processes.port.Verification;
import nl.noodrem.processes.service.BrakeService;
import nl.noodrem.processes.support.Fixture;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Steps the brake tests share: pull, acknowledge, present a proof. */
final class BrakeTestSupport {

  static final CaseNumber FINE = CaseNumber.of("WAHV000000000001");
  static final CaseNumber CRIMINAL = CaseNumber.of("SB-2025-000042");
  static final CaseNumber NEW_CASE = CaseNumber.of("WAHV000000000777");

  private final Fixture f;

  BrakeTestSupport(Fixture fixture) {
    this.f = fixture;
  }

  static OpenCase openCase(CaseNumber number, OpenCase.Kind kind, long cents, OpenCase.Stage stage) {
    return new OpenCase(number, kind, Money.ofCents(cents), stage, LocalDate.of(2025, 6, 1), false);
  }

  void givenOpenCases(OpenCase... cases) throws CollectionSystemException {
    when(f.collectionSystem.openCases(any())).thenReturn(List.of(cases));
  }

  void givenTwoOrdinaryCases() throws CollectionSystemException {
    givenOpenCases(openCase(FINE, OpenCase.Kind.WAHV, 13_500, OpenCase.Stage.FIRST_REMINDER),
        openCase(CRIMINAL, OpenCase.Kind.CRIMINAL_FINE, 40_000, OpenCase.Stage.DECISION));
  }

  /** Pulls the brake and runs what follows until the brake waits; the instance may have ended by then. */
  ProcessInstance pull() {
    BrakeService.PullResult result = f.brakeService.pullBrake(Fixture.CITIZEN, true);
    ProcessInstance instance = instance(result.brakeRef());
    f.runDueJobs();
    return instance;
  }

  ProcessInstance instance(String brakeRef) {
    return f.engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.EMERGENCY_BRAKE).processInstanceBusinessKey(brakeRef).singleResult();
  }

  /** The command id a wait at {@code receiveTaskId} expects. */
  String awaited(ProcessInstance brake, String receiveTaskId) {
    Execution waiting = f.engine.getRuntimeService().createExecutionQuery().processInstanceId(brake.getId())
        .activityId(receiveTaskId).singleResult();
    if (waiting == null) {
      throw new AssertionError("nothing waits at " + receiveTaskId);
    }
    return (String) f.engine.getRuntimeService().getVariableLocal(waiting.getId(), "awaitedCommandId");
  }

  void acknowledge(ProcessInstance brake, String receiveTaskId, HoldAcknowledgement.Action action) throws Exception {
    f.gateway.holdAcknowledged(new HoldAcknowledgement(awaited(brake, receiveTaskId), brake.getBusinessKey(), action,
        List.of(FINE), List.of(), null));
    f.runDueJobs();
  }

  /** Pulls the brake on two ordinary cases and confirms the first hold: the brake then waits for a proof. */
  ProcessInstance brakeWaitingForProof() throws Exception {
    givenTwoOrdinaryCases();
    ProcessInstance brake = pull();
    acknowledge(brake, "Task_AwaitFirstHoldAck", HoldAcknowledgement.Action.HOLD);
    return brake;
  }

  static DisclosedFacts facts(Bsn bsn, AssistanceType type, LocalDate helpStart, LocalDate validUntil, long index) {
    return new DisclosedFacts(bsn, Fixture.MUNICIPALITY, type, helpStart, validUntil, 7, index);
  }

  static DisclosedFacts validFacts() {
    return facts(Fixture.CITIZEN, AssistanceType.MSNP, LocalDate.of(2026, 1, 5), LocalDate.of(2027, 7, 5), 41);
  }

  /** A presentation as a wallet sends it: it carries the BSN in clear. */
  static String presentation(Bsn bsn) {
    return "{\"type\":\"DebtAssistancePresentation\",\"disclosed\":{\"bsn\":\"" + bsn.digits()
        + "\",\"assistanceType\":\"MSNP\"},\"proof\":\"AAEC\"}";
  }

  BrakeService.ProofResult present(Verification verification) throws PortUnavailableException {
    when(f.verifier.verify(any(), any())).thenReturn(verification);
    f.brakeService.requestProof(Fixture.CITIZEN).orElseThrow();
    return f.brakeService.presentProof(Fixture.CITIZEN, presentation(Fixture.CITIZEN));
  }

  BrakeService.ProofResult presentValidProof() throws PortUnavailableException {
    return present(new Verification.Accepted(validFacts()));
  }
}
