package nl.noodrem.processes.service;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import nl.noodrem.camel.api.CollectionSystem;
import nl.noodrem.camel.api.CollectionSystemException;
import nl.noodrem.camel.api.PaymentPlanCommand;
import nl.noodrem.domain.Bsn;
import nl.noodrem.domain.CaseNumber;
import nl.noodrem.domain.CitizenRef;
import nl.noodrem.domain.BsnPseudonymizer;
import nl.noodrem.processes.ProcessKeys;
import nl.noodrem.processes.port.AuditAction;
import nl.noodrem.processes.port.AuditLog;
import nl.noodrem.processes.port.AuditRecord;
import nl.noodrem.processes.port.ProcessedEvents;
import nl.noodrem.processes.support.CaseList;
import nl.noodrem.processes.support.Vars;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The citizen accepts the payment plan a brake offered when its hold ended ({@code Task_OfferPaymentPlan}, after the
 * lift was acknowledged; the brake may still be finishing its last steps). The offer is read from the brake's history (its cases and the instalments offered), so it can be accepted for as
 * long as that history is kept ({@code noodrem.process.history-time-to-live}). Acceptance is once per brake (a mark
 * in {@code noodrem_processed_event}); the command to the collection system is written in the same transaction and
 * leaves after it commits, and the acceptance is audited.
 */
public class PaymentPlanService {

  /** What came of accepting. */
  public enum Outcome {
    /** Sent to the collection system. */
    ACCEPTED,
    /** This brake's plan was accepted before; nothing sent again. */
    ALREADY_ACCEPTED,
    /** No plan was offered to this citizen under this reference (unknown, another citizen's, or no offer made). */
    NO_OFFER
  }

  /** A plan offered to the citizen: the ended brake's reference, the instalments offered, whether accepted. */
  public record Offer(String brakeRef, int months, boolean accepted) {}

  private final HistoryService history;
  private final BsnPseudonymizer pseudonymizer;
  private final ProcessedEvents processed;
  private final CollectionSystem collectionSystem;
  private final AuditLog audit;
  private final Clock clock;
  private final TransactionOperations transactions;

  public PaymentPlanService(HistoryService history, BsnPseudonymizer pseudonymizer, ProcessedEvents processed,
      CollectionSystem collectionSystem, AuditLog audit, Clock clock, TransactionOperations transactions) {
    this.history = history;
    this.pseudonymizer = pseudonymizer;
    this.processed = processed;
    this.collectionSystem = collectionSystem;
    this.audit = audit;
    this.clock = clock;
    this.transactions = transactions;
  }

  /** The plans offered to the citizen (accepted or not), newest brake first. */
  public List<Offer> offers(Bsn bsn) {
    CitizenRef citizen = pseudonymizer.pseudonymize(bsn);
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(ProcessKeys.EMERGENCY_BRAKE)
        .variableValueEquals(Vars.CITIZEN_REF, citizen.value())
        .orderByProcessInstanceStartTime().desc().list().stream()
        .map(brake -> offerOf(brake, citizen)).flatMap(Optional::stream).toList();
  }

  /**
   * Accepts the plan offered under {@code brakeRef} for the authenticated citizen.
   *
   * @throws CollectionSystemException when the command cannot be written now (nothing is marked; try again)
   */
  public Outcome accept(Bsn bsn, String brakeRef) throws CollectionSystemException {
    Objects.requireNonNull(brakeRef, "brakeRef");
    CitizenRef citizen = pseudonymizer.pseudonymize(bsn);
    HistoricProcessInstance brake = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.EMERGENCY_BRAKE).processInstanceBusinessKey(brakeRef).singleResult();
    Optional<Offer> offer = brake == null ? Optional.empty() : offerOf(brake, citizen);
    if (offer.isEmpty()) {
      return Outcome.NO_OFFER;
    }
    List<CaseNumber> cases = CaseList.fromJson(String.valueOf(variable(brake, Vars.CASES)));
    PaymentPlanCommand command = new PaymentPlanCommand(brakeRef, cases, offer.get().months());
    try {
      return transactions.execute(status -> {
        if (!processed.markProcessed(mark(brakeRef), "PaymentPlanAccepted")) {
          return Outcome.ALREADY_ACCEPTED;
        }
        try {
          collectionSystem.sendPaymentPlan(command);
        } catch (CollectionSystemException e) {
          throw new Unavailable(e);
        }
        audit.record(new AuditRecord(clock.instant(), brakeRef, AuditAction.PAYMENT_PLAN_ACCEPTED, AuditRecord.SYSTEM,
            "accepted by the citizen: " + command.months() + " months on " + cases.size() + " case(s), command "
                + command.commandId()));
        return Outcome.ACCEPTED;
      });
    } catch (Unavailable e) {
      throw e.cause;
    }
  }

  private Optional<Offer> offerOf(HistoricProcessInstance brake, CitizenRef citizen) {
    if (!citizen.value().equals(variable(brake, Vars.CITIZEN_REF))) {
      return Optional.empty();
    }
    Object months = variable(brake, Vars.PAYMENT_PLAN_OFFERED_MONTHS);
    return months instanceof Number n
        ? Optional.of(new Offer(brake.getBusinessKey(), n.intValue(), processed.isProcessed(mark(brake.getBusinessKey()))))
        : Optional.empty();
  }

  private static String mark(String brakeRef) {
    return "plan:" + brakeRef;
  }

  private Object variable(HistoricProcessInstance brake, String name) {
    HistoricVariableInstance v = history.createHistoricVariableInstanceQuery().processInstanceId(brake.getId())
        .variableName(name).singleResult();
    return v == null ? null : v.getValue();
  }

  /** Carries the checked failure out of the transaction callback, rolling the mark back. */
  private static final class Unavailable extends RuntimeException {
    final CollectionSystemException cause;

    Unavailable(CollectionSystemException cause) {
      super(cause.getMessage(), cause, false, false);
      this.cause = cause;
    }
  }
}
