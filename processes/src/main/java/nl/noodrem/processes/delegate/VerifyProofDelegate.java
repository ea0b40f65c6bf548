package nl.noodrem.processes.delegate;

import java.time.Instant;
import java.util.Optional;
import nl.noodrem.processes.port.PortUnavailableException;
import nl.noodrem.processes.port.PresentationRequest;
import nl.noodrem.processes.port.ProofRejection;
import nl.noodrem.processes.service.BrakeSteps;
import nl.noodrem.processes.service.ProofCheck;
import nl.noodrem.processes.support.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Task_VerifyProof and Task_VerifyRenewedProof. Runs synchronously right after the proof message, because the
 * presentation is a transient variable that exists only in that transaction. Stores the outcome and the disclosed
 * non-BSN facts; consumes the request's nonce whatever the outcome, so one request answers one presentation.
 */
public class VerifyProofDelegate implements JavaDelegate {

  private final BrakeSteps steps;

  public VerifyProofDelegate(BrakeSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    Object presentation = execution.getVariable(Vars.PRESENTATION);
    Optional<PresentationRequest> request = request(execution);
    ProofCheck check = request.isEmpty()
        ? new ProofCheck.Rejected(ProofRejection.REPLAYED)
        : verify(execution, presentation, request.get());
    execution.removeVariable(Vars.PRESENTATION);
    execution.removeVariable(Vars.PROOF_NONCE);
    execution.setVariable(Vars.PROOF_OUTCOME, check.outcomeCode());
    if (check instanceof ProofCheck.Rejected rejected) {
      execution.setVariable(Vars.PROOF_REJECTION, rejected.reason().name());
      return;
    }
    ProofCheck.Accepted facts = (ProofCheck.Accepted) check;
    execution.removeVariable(Vars.PROOF_REJECTION);
    execution.setVariable(Vars.ISSUER_OIN, facts.issuerOin().value());
    execution.setVariable(Vars.ASSISTANCE_TYPE, facts.assistanceType().name());
    execution.setVariable(Vars.HELP_START_DATE, facts.helpStartDate().toString());
    execution.setVariable(Vars.HELP_STARTED, facts.helpStarted());
    execution.setVariable(Vars.VALID_UNTIL, facts.validUntil().toString());
    execution.setVariable(Vars.STATUS_LIST_ID, facts.statusListId());
    execution.setVariable(Vars.STATUS_INDEX, facts.statusIndex());
    // a new credential replaces the one whose revocation may have started a grace period
    execution.setVariable(Vars.REVOCATION_PENDING, false);
    execution.removeVariable(Vars.GRACE_END);
  }

  private ProofCheck verify(DelegateExecution execution, Object presentation, PresentationRequest request)
      throws PortUnavailableException {
    return steps.verifyProof(Vars.string(execution, Vars.BRAKE_REF), Vars.citizen(execution),
        presentation == null ? null : presentation.toString(), request);
  }

  private Optional<PresentationRequest> request(DelegateExecution execution) {
    Object nonce = execution.getVariable(Vars.PROOF_NONCE);
    Object issuedAt = execution.getVariable(Vars.PROOF_REQUEST_ISSUED_AT);
    Object expiresAt = execution.getVariable(Vars.PROOF_REQUEST_EXPIRES_AT);
    if (nonce == null || issuedAt == null || expiresAt == null) {
      return Optional.empty();
    }
    return Optional.of(steps.presentationRequest(nonce.toString(), Instant.parse(issuedAt.toString()),
        Instant.parse(expiresAt.toString())));
  }
}
