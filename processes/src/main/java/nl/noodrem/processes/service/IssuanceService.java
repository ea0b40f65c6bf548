package nl.noodrem.processes.service;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import nl.noodrem.domain.AssistanceType;
import nl.noodrem.domain.Bsn;
import nl.noodrem.domain.BsnPseudonymizer;
import nl.noodrem.domain.BsnSealer;
import nl.noodrem.domain.CitizenRef;
import nl.noodrem.domain.Oin;
import nl.noodrem.processes.ProcessKeys;
import nl.noodrem.processes.port.AuditAction;
import nl.noodrem.processes.port.AuditRecord;
import nl.noodrem.processes.port.CredentialAttributes;
import nl.noodrem.processes.port.CredentialSigner;
import nl.noodrem.processes.port.PortUnavailableException;
import nl.noodrem.processes.port.SignedCredential;
import nl.noodrem.processes.support.References;
import nl.noodrem.processes.support.Vars;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.transaction.support.TransactionOperations;

/**
 * What the municipality's portal calls for credential issuance, after the citizen's DigiD login.
 *
 * <p>The credential holds the BSN, so it is signed only at pickup, in the citizen's own authenticated request,
 * and returned to the wallet without being stored: the process keeps the approved facts (no BSN) until then.
 */
public class IssuanceService {

  private final RuntimeService runtime;
  private final BsnPseudonymizer pseudonymizer;
  private final BsnSealer sealer;
  private final CredentialSigner signer;
  private final IssuanceSteps steps;
  private final TransactionOperations transactions;

  public IssuanceService(
      RuntimeService runtime,
      BsnPseudonymizer pseudonymizer,
      BsnSealer sealer,
      CredentialSigner signer,
      IssuanceSteps steps,
      TransactionOperations transactions) {
    this.runtime = runtime;
    this.pseudonymizer = pseudonymizer;
    this.sealer = sealer;
    this.signer = signer;
    this.steps = steps;
    this.transactions = transactions;
  }

  /** @param joined true when a request of this citizen at this municipality was already running */
  public record IssuanceStarted(String issuanceRef, boolean joined) {}

  /** Why a credential cannot be collected. */
  public static final class NotCollectableException extends Exception {

    public enum Reason {
      /** No issuance with this reference is running. */
      UNKNOWN,
      /** The issuance is not approved yet (or was refused, or expired). */
      NOT_READY,
      /** The issuance belongs to another citizen than the one logged in. */
      NOT_YOURS,
      /** The signer cannot sign now; try again later. */
      SIGNER_UNAVAILABLE
    }

    private final Reason reason;

    public NotCollectableException(Reason reason) {
      super("credential cannot be collected: " + reason);
      this.reason = reason;
    }

    public Reason reason() {
      return reason;
    }
  }

  public IssuanceStarted startIssuance(Bsn bsn, Oin municipality) {
    CitizenRef citizen = pseudonymizer.pseudonymize(bsn);
    ProcessInstance running = runtime.createProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.CREDENTIAL_ISSUANCE)
        .variableValueEquals(Vars.CITIZEN_REF, citizen.value())
        .variableValueEquals(Vars.ISSUER_OIN, municipality.value())
        .listPage(0, 1).stream().findFirst().orElse(null);
    if (running != null) {
      return new IssuanceStarted(running.getBusinessKey(), true);
    }
    String issuanceRef = References.newReference(References.ISSUANCE);
    transactions.executeWithoutResult(status -> {
      runtime.createProcessInstanceByKey(ProcessKeys.CREDENTIAL_ISSUANCE)
          .businessKey(issuanceRef)
          .setVariables(Map.of(
              Vars.ISSUANCE_REF, issuanceRef,
              Vars.CITIZEN_REF, citizen.value(),
              Vars.SEALED_BSN, sealer.seal(bsn).value(),
              Vars.ISSUER_OIN, municipality.value()))
          .execute();
      steps.audit(issuanceRef, AuditAction.ISSUANCE_REQUESTED, AuditRecord.SYSTEM, "issuer " + municipality);
    });
    return new IssuanceStarted(issuanceRef, false);
  }

  /**
   * Signs the approved credential for the logged-in citizen and completes the issuance. The returned credential
   * is the only copy: Noodrem keeps an issuance record (pseudonym, issuer, status slot, validity) and nothing else.
   */
  public SignedCredential collectCredential(Bsn bsn, String issuanceRef) throws NotCollectableException {
    ProcessInstance instance = runtime.createProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.CREDENTIAL_ISSUANCE)
        .processInstanceBusinessKey(Objects.requireNonNull(issuanceRef, "issuanceRef"))
        .singleResult();
    if (instance == null) {
      throw new NotCollectableException(NotCollectableException.Reason.UNKNOWN);
    }
    Map<String, Object> vars = runtime.getVariables(instance.getId());
    if (!pseudonymizer.pseudonymize(bsn).value().equals(vars.get(Vars.CITIZEN_REF))) {
      throw new NotCollectableException(NotCollectableException.Reason.NOT_YOURS);
    }
    if (runtime.createEventSubscriptionQuery().processInstanceId(instance.getId()).eventType("message")
        .eventName(ProcessKeys.MSG_CREDENTIAL_COLLECTED).count() == 0) {
      throw new NotCollectableException(NotCollectableException.Reason.NOT_READY);
    }
    // absent when the municipality's system reported the decision while a counsellor looked: not stated
    Object sealedHidden = vars.get(Vars.HIDDEN_FACTS);
    HiddenFacts hidden = sealedHidden == null ? HiddenFacts.notStated("-")
        : steps.openHiddenFacts(sealedHidden.toString());
    CredentialAttributes attributes = new CredentialAttributes(
        bsn,
        Oin.of(vars.get(Vars.ISSUER_OIN).toString()),
        AssistanceType.fromCode(vars.get(Vars.ASSISTANCE_TYPE).toString()),
        LocalDate.parse(vars.get(Vars.DECISION_DATE).toString()),
        LocalDate.parse(vars.get(Vars.HELP_START_DATE).toString()),
        LocalDate.parse(vars.get(Vars.VALID_UNTIL).toString()),
        ((Number) vars.get(Vars.STATUS_LIST_ID)).longValue(),
        ((Number) vars.get(Vars.STATUS_INDEX)).longValue(),
        hidden.debtAmountCents(),
        hidden.creditorCount(),
        hidden.counsellorId());
    SignedCredential credential;
    try {
      credential = signer.sign(attributes);
    } catch (PortUnavailableException e) {
      throw new NotCollectableException(NotCollectableException.Reason.SIGNER_UNAVAILABLE);
    }
    // Only after signing succeeded: Task_RecordIssuance writes the issuance record in this same transaction.
    // If two pickups race, the engine lets one correlate; the loser's credential is discarded here.
    try {
      transactions.executeWithoutResult(status -> runtime.createMessageCorrelation(ProcessKeys.MSG_CREDENTIAL_COLLECTED)
          .processInstanceId(instance.getId())
          .correlate());
    } catch (org.camunda.bpm.engine.MismatchingMessageCorrelationException
        | org.camunda.bpm.engine.OptimisticLockingException e) {
      throw new NotCollectableException(NotCollectableException.Reason.NOT_READY);
    }
    return credential;
  }
}
