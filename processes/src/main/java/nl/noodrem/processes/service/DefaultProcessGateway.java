package nl.noodrem.processes.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.noodrem.camel.api.CaseOpened;
import nl.noodrem.camel.api.DeliveryException;
import nl.noodrem.camel.api.HoldAcknowledgement;
import nl.noodrem.camel.api.ProcessGateway;
import nl.noodrem.domain.BsnPseudonymizer;
import nl.noodrem.domain.CaseNumber;
import nl.noodrem.domain.CitizenRef;
import nl.noodrem.domain.event.CredentialStatusChanged;
import nl.noodrem.domain.event.DebtHelpEnded;
import nl.noodrem.domain.event.DebtHelpStarted;
import nl.noodrem.domain.event.DomainEvent;
import nl.noodrem.domain.event.HoldLifted;
import nl.noodrem.domain.event.HoldPlaced;
import nl.noodrem.processes.ProcessKeys;
import nl.noodrem.processes.port.AuditAction;
import nl.noodrem.processes.port.AuditLog;
import nl.noodrem.processes.port.AuditRecord;
import nl.noodrem.processes.port.BrakeRegister;
import nl.noodrem.processes.port.ProcessedEvents;
import nl.noodrem.processes.support.CaseList;
import nl.noodrem.processes.support.References;
import nl.noodrem.processes.support.Vars;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Where Camel routes hand over what legacy systems and the chain reported. Each delivery runs in one transaction
 * together with its idempotency mark ({@link ProcessedEvents}): the same source record delivered twice acts once,
 * and a delivery that fails leaves no mark, so the route's redelivery can try again.
 */
public class DefaultProcessGateway implements ProcessGateway {

  private static final Logger LOG = LoggerFactory.getLogger(DefaultProcessGateway.class);

  /**
   * Starts the log line of an acknowledgement that arrived before its brake waited for it. The fault test counts
   * these lines; with commands sent after commit there should be none.
   */
  public static final String EARLY_ACKNOWLEDGEMENT = "acknowledgement before its wait:";

  private final RuntimeService runtime;
  private final BsnPseudonymizer pseudonymizer;
  private final BrakeRegister brakes;
  private final ProcessedEvents processed;
  private final AuditLog audit;
  private final Clock clock;
  private final TransactionOperations transactions;

  public DefaultProcessGateway(
      RuntimeService runtime,
      BsnPseudonymizer pseudonymizer,
      BrakeRegister brakes,
      ProcessedEvents processed,
      AuditLog audit,
      Clock clock,
      TransactionOperations transactions) {
    this.runtime = runtime;
    this.pseudonymizer = pseudonymizer;
    this.brakes = brakes;
    this.processed = processed;
    this.audit = audit;
    this.clock = clock;
    this.transactions = transactions;
  }

  @Override
  public Delivery deliver(DomainEvent event) throws DeliveryException {
    if (event instanceof DebtHelpStarted started) {
      return once(event.sourceId(), "DebtHelpStarted", () -> debtHelpStarted(started));
    }
    if (event instanceof DebtHelpEnded ended) {
      return once(event.sourceId(), "DebtHelpEnded", () -> debtHelpEnded(ended));
    }
    if (event instanceof CredentialStatusChanged changed) {
      return once(event.sourceId(), "CredentialStatusChanged", () -> statusChanged(changed));
    }
    if (event instanceof HoldPlaced || event instanceof HoldLifted) {
      // the brake learns about holds from the command acknowledgements, which carry its reference
      return Delivery.NOT_NEEDED;
    }
    throw new DeliveryException("no process takes " + event.getClass().getSimpleName(), false, null);
  }

  @Override
  public Delivery holdAcknowledged(HoldAcknowledgement ack) throws DeliveryException {
    return once("ack:" + ack.commandId() + ":" + ack.action(), "HoldAcknowledgement", () -> acknowledge(ack));
  }

  /** A case CJIB opened for a citizen: held too, until the current hold end, when the citizen has a running brake. */
  @Override
  public Delivery caseOpened(CaseOpened caseOpened) throws DeliveryException {
    return once(caseOpened.sourceId(), "CaseOpened",
        () -> newCase(caseOpened.citizen(), caseOpened.openCase().caseNumber()));
  }

  private Delivery debtHelpStarted(DebtHelpStarted event) {
    List<MessageCorrelationResult> results = runtime.createMessageCorrelation(ProcessKeys.MSG_DEBT_HELP_DECIDED)
        .processInstanceVariableEquals(Vars.CITIZEN_REF, pseudonymizer.pseudonymize(event.bsn()).value())
        .processInstanceVariableEquals(Vars.ISSUER_OIN, event.municipality().value())
        .setVariables(Map.of(
            Vars.ASSISTANCE_TYPE, event.assistanceType().name(),
            Vars.DECISION_DATE, event.decisionDate().toString(),
            Vars.HELP_START_DATE, event.helpStartDate().toString()))
        .correlateAllWithResult();
    return results.isEmpty() ? Delivery.NOT_NEEDED : Delivery.CORRELATED;
  }

  private Delivery debtHelpEnded(DebtHelpEnded event) {
    String reference = References.forSource(References.REVOCATION, event.sourceId());
    runtime.createProcessInstanceByKey(ProcessKeys.CREDENTIAL_REVOCATION)
        .businessKey(reference)
        .setVariables(Map.of(
            Vars.CITIZEN_REF, pseudonymizer.pseudonymize(event.bsn()).value(),
            Vars.ISSUER_OIN, event.municipality().value(),
            Vars.HELP_END_DATE, event.endDate().toString(),
            Vars.HELP_END_REASON, event.reason().name()))
        .execute();
    // requests still under way (a counsellor's task, a credential waiting for pickup) end: nothing new is issued
    runtime.createMessageCorrelation(ProcessKeys.MSG_DEBT_HELP_ENDED)
        .processInstanceVariableEquals(Vars.CITIZEN_REF, pseudonymizer.pseudonymize(event.bsn()).value())
        .processInstanceVariableEquals(Vars.ISSUER_OIN, event.municipality().value())
        .correlateAllWithResult();
    return Delivery.STARTED;
  }

  private Delivery statusChanged(CredentialStatusChanged event) {
    if (!event.revoked()) {
      // re-instating a bit is not a way back into a hold: the citizen presents a new proof instead
      return Delivery.NOT_NEEDED;
    }
    List<ProcessInstance> affected = runtime.createProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.EMERGENCY_BRAKE)
        .variableValueEquals(Vars.STATUS_LIST_ID, event.statusListId())
        .variableValueEquals(Vars.STATUS_INDEX, event.statusIndex())
        .list();
    for (ProcessInstance brake : affected) {
      boolean waiting = runtime.createEventSubscriptionQuery().processInstanceId(brake.getId())
          .eventType("message").eventName(ProcessKeys.MSG_CREDENTIAL_REVOKED).count() > 0;
      if (waiting) {
        runtime.createMessageCorrelation(ProcessKeys.MSG_CREDENTIAL_REVOKED)
            .processInstanceId(brake.getId())
            .correlate();
      } else {
        // busy (decision under review, extension being placed): it checks this flag before it waits again
        runtime.setVariable(brake.getId(), Vars.REVOCATION_PENDING, true);
      }
      LOG.info("brake {}: credential {}/{} revoked ({})", brake.getBusinessKey(), event.statusListId(),
          event.statusIndex(), waiting ? "correlated" : "flagged");
    }
    return affected.isEmpty() ? Delivery.NOT_NEEDED : Delivery.CORRELATED;
  }

  private Delivery acknowledge(HoldAcknowledgement ack) {
    if (ack.action() == HoldAcknowledgement.Action.PAYMENT_PLAN) {
      // no brake waits for it (the brake has ended when a plan is accepted): it is recorded
      auditAcknowledgement(ack);
      return Delivery.NOT_NEEDED;
    }
    // asked first rather than caught from the correlation: a failed correlation makes the engine log an ERROR with
    // its stack trace (ENGINE-16004), and an acknowledgement that comes too early is no error
    boolean awaited = runtime.createExecutionQuery()
        .processInstanceBusinessKey(ack.brakeRef())
        .messageEventSubscriptionName(ProcessKeys.MSG_HOLD_ACKNOWLEDGED)
        .variableValueEquals(Vars.AWAITED_COMMAND_ID, ack.commandId())
        .count() > 0;
    if (!awaited) {
      boolean running = runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.EMERGENCY_BRAKE)
          .processInstanceBusinessKey(ack.brakeRef()).count() > 0;
      if (running) {
        // commands leave after their job committed, so this should not happen; counted (fault test) and redelivered
        LOG.warn("{} {}: brake {} does not wait for command {} (yet); the route redelivers it", EARLY_ACKNOWLEDGEMENT,
            ack.action(), ack.brakeRef(), ack.commandId());
        throw new Retry("brake " + ack.brakeRef() + " is not waiting for " + ack.commandId() + " yet");
      }
      return Delivery.NOT_NEEDED;
    }
    var correlation = runtime.createMessageCorrelation(ProcessKeys.MSG_HOLD_ACKNOWLEDGED)
        .processInstanceBusinessKey(ack.brakeRef())
        .localVariableEquals(Vars.AWAITED_COMMAND_ID, ack.commandId());
    if (ack.action() == HoldAcknowledgement.Action.HOLD && !ack.rejected().isEmpty()) {
      // cases the collection system did not hold: SubProcess_CasesNotHeld tells the citizen and operations
      correlation.setVariable(Vars.REJECTED_CASES, CaseList.toJson(ack.rejected()))
          .setVariable(Vars.REJECTION_REASON, ack.reason() == null ? "-" : Redaction.maskBsns(ack.reason()))
          .setVariable(Vars.REJECTED_CASES_PENDING, true);
    }
    correlation.correlateWithResult();
    auditAcknowledgement(ack);
    return Delivery.CORRELATED;
  }

  private void auditAcknowledgement(HoldAcknowledgement ack) {
    audit.record(new AuditRecord(clock.instant(), ack.brakeRef(), AuditAction.HOLD_ACKNOWLEDGED, AuditRecord.SYSTEM,
        ack.action() + " " + ack.commandId() + ": " + ack.accepted().size() + " accepted, " + ack.rejected().size()
            + " rejected" + (ack.reason() == null ? "" : " (" + Redaction.maskBsns(ack.reason()) + ")")));
  }

  private Delivery newCase(CitizenRef citizen, CaseNumber caseNumber) {
    Optional<ProcessInstance> brake = brakes.activeBrake(citizen).map(ref -> runtime.createProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.EMERGENCY_BRAKE).processInstanceBusinessKey(ref).singleResult());
    if (brake.isEmpty() || brake.get() == null) {
      return Delivery.NOT_NEEDED;
    }
    Object cases = runtime.getVariable(brake.get().getId(), Vars.CASES);
    if (cases != null && CaseList.fromJson(cases.toString()).contains(caseNumber)) {
      return Delivery.NOT_NEEDED;
    }
    runtime.createMessageCorrelation(ProcessKeys.MSG_CASE_OPENED)
        .processInstanceId(brake.get().getId())
        .setVariableLocal(Vars.NEW_CASE_NUMBER, caseNumber.value())
        .correlate();
    return Delivery.CORRELATED;
  }

  private Delivery once(String sourceId, String kind, java.util.function.Supplier<Delivery> action)
      throws DeliveryException {
    try {
      return transactions.execute(status -> processed.markProcessed(sourceId, kind) ? action.get()
          : Delivery.DUPLICATE);
    } catch (Retry e) {
      throw new DeliveryException(e.getMessage(), true, null);
    } catch (MismatchingMessageCorrelationException e) {
      throw new DeliveryException(kind + " could not be correlated: " + e.getMessage(), true, e);
    } catch (org.camunda.bpm.engine.OptimisticLockingException e) {
      throw new DeliveryException(kind + " met a concurrent change; redeliver", true, e);
    } catch (org.camunda.bpm.engine.ProcessEngineException e) {
      throw new DeliveryException(kind + " failed in the engine: " + e.getMessage(), false, e);
    }
  }

  /** Rolls the delivery back and asks the route to redeliver. */
  private static final class Retry extends RuntimeException {
    Retry(String message) {
      super(message, null, false, false);
    }
  }
}
