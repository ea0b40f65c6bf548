package nl.noodrem.app.citizen;

import java.util.Optional;
import nl.noodrem.processes.ProcessKeys;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/** Where a citizen's request for a debt-help credential stands, in words the portal can show. */
@Component
public class IssuanceStatus {

  /** The states a citizen can see. */
  public enum State {
    /** The municipality's system is being asked. */
    CHECKING("We vragen uw gemeente of u schuldhulp krijgt.", "We are asking your municipality whether you get debt help."),
    /** A debt counsellor is looking at it. */
    IN_REVIEW("Een schuldhulpverlener van uw gemeente bekijkt uw aanvraag.",
        "A debt counsellor of your municipality is looking at your request."),
    /** Approved: collect it into the wallet now. */
    READY("Uw bewijs van schuldhulp staat klaar. Zet het nu in uw wallet.",
        "Your proof of debt help is ready. Put it in your wallet now."),
    COLLECTED("U heeft uw bewijs van schuldhulp opgehaald.", "You have collected your proof of debt help."),
    NO_DEBT_HELP("Uw gemeente kent geen besluit over schuldhulp voor u. Neem contact op met uw gemeente.",
        "Your municipality has no debt-help decision for you. Please contact your municipality."),
    REFUSED("De schuldhulpverlener kon niet bevestigen dat u schuldhulp krijgt. Neem contact op met uw gemeente.",
        "The debt counsellor could not confirm that you get debt help. Please contact your municipality."),
    EXPIRED("U heeft het bewijs niet op tijd opgehaald. Vraag het opnieuw aan.",
        "You did not collect the proof in time. Please ask again."),
    UNKNOWN("Deze aanvraag kennen wij niet.", "We do not know this request.");

    private final String dutch;
    private final String english;

    State(String dutch, String english) {
      this.dutch = dutch;
      this.english = english;
    }

    public String dutch() {
      return dutch;
    }

    public String english() {
      return english;
    }
  }

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final HistoryService history;

  IssuanceStatus(RuntimeService runtime, TaskService tasks, HistoryService history) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.history = history;
  }

  /**
   * True when the issuance with this reference was asked for by this citizen (by pseudonym), so that nobody can
   * follow someone else's request by guessing its reference.
   */
  public boolean belongsTo(String issuanceRef, String citizenRef) {
    String[] instances = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.CREDENTIAL_ISSUANCE).processInstanceBusinessKey(issuanceRef).list()
        .stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
    return instances.length > 0 && history.createHistoricVariableInstanceQuery().processInstanceIdIn(instances)
        .variableName("citizenRef").list().stream().anyMatch(v -> citizenRef.equals(v.getValue()));
  }

  /** The OIN of the municipality the request went to, for any request that exists (running or ended). */
  public Optional<String> issuerOf(String issuanceRef) {
    String[] instances = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.CREDENTIAL_ISSUANCE).processInstanceBusinessKey(issuanceRef).list()
        .stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
    if (instances.length == 0) {
      return Optional.empty();
    }
    return history.createHistoricVariableInstanceQuery().processInstanceIdIn(instances).variableName("issuerOin")
        .list().stream().map(v -> v.getValue()).filter(java.util.Objects::nonNull).map(Object::toString).findFirst();
  }

  public State of(String issuanceRef) {
    ProcessInstance running = runtime.createProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.CREDENTIAL_ISSUANCE).processInstanceBusinessKey(issuanceRef).singleResult();
    if (running != null) {
      if (runtime.createEventSubscriptionQuery().processInstanceId(running.getId()).eventType("message")
          .eventName(ProcessKeys.MSG_CREDENTIAL_COLLECTED).count() > 0) {
        return State.READY;
      }
      if (tasks.createTaskQuery().processInstanceId(running.getId()).count() > 0) {
        return State.IN_REVIEW;
      }
      return State.CHECKING;
    }
    Optional<HistoricProcessInstance> ended = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.CREDENTIAL_ISSUANCE).processInstanceBusinessKey(issuanceRef)
        .finished().orderByProcessInstanceEndTime().desc().listPage(0, 1).stream().findFirst();
    if (ended.isEmpty()) {
      return State.UNKNOWN;
    }
    String end = Optional.ofNullable(ended.get().getEndActivityId()).orElse("");
    return switch (end) {
      case "End_CredentialIssued" -> State.COLLECTED;
      case "End_NoDebtHelp" -> State.NO_DEBT_HELP;
      case "End_IssuanceRefused" -> State.REFUSED;
      case "End_PickupExpired" -> State.EXPIRED;
      default -> State.UNKNOWN;
    };
  }
}
