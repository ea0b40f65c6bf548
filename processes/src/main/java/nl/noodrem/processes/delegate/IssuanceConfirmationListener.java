package nl.noodrem.processes.delegate;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import nl.noodrem.domain.AssistanceType;
import nl.noodrem.processes.port.AuditAction;
import nl.noodrem.processes.service.HiddenFacts;
import nl.noodrem.processes.service.IssuanceSteps;
import nl.noodrem.processes.support.Vars;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Complete listener of Task_ConfirmIssuance: a debt counsellor either confirms (with assistance type, decision
 * date and help start date) or refuses. A confirmation becomes the same facts a clear registry answer gives; the
 * hidden attributes are "not stated" with the counsellor as counsellor, so no amounts are typed into a form whose
 * values Camunda would keep in its history.
 */
public class IssuanceConfirmationListener implements TaskListener {

  private final IssuanceSteps steps;
  private final ZoneId zone;

  public IssuanceConfirmationListener(IssuanceSteps steps, ZoneId zone) {
    this.steps = steps;
    this.zone = zone;
  }

  @Override
  public void notify(DelegateTask task) {
    String actor = Actors.of(task);
    String reference = Vars.string(task, Vars.ISSUANCE_REF);
    Object decision = task.getVariable(Vars.COUNSELLOR_DECISION);
    if ("REFUSE".equals(decision)) {
      steps.audit(reference, AuditAction.ISSUANCE_REFUSED, actor, "refused by counsellor");
      return;
    }
    if (!"CONFIRM".equals(decision)) {
      throw new IllegalArgumentException("counsellor decision must be CONFIRM or REFUSE");
    }
    Object type = task.getVariable(Vars.CONFIRMED_ASSISTANCE_TYPE);
    LocalDate decisionDate = date(task.getVariable(Vars.CONFIRMED_DECISION_DATE), "decision date");
    LocalDate helpStart = date(task.getVariable(Vars.CONFIRMED_HELP_START_DATE), "help start date");
    if (type == null) {
      throw new IllegalArgumentException("a confirmation needs the assistance type");
    }
    AssistanceType assistanceType = AssistanceType.fromCode(type.toString());
    if (decisionDate.isAfter(steps.today())) {
      throw new IllegalArgumentException("the decision date cannot lie in the future");
    }
    if (helpStart.isBefore(decisionDate.minusYears(1))) {
      throw new IllegalArgumentException("the help start date cannot lie more than a year before the decision");
    }
    task.setVariable(Vars.ASSISTANCE_TYPE, assistanceType.name());
    task.setVariable(Vars.DECISION_DATE, decisionDate.toString());
    task.setVariable(Vars.HELP_START_DATE, helpStart.toString());
    task.setVariable(Vars.HIDDEN_FACTS, steps.sealHiddenFacts(HiddenFacts.notStated(actor)));
    steps.audit(reference, AuditAction.ISSUANCE_CONFIRMED_BY_COUNSELLOR, actor,
        assistanceType + ", decided " + decisionDate + ", help from " + helpStart);
  }

  /** Tasklist's date fields give a {@link Date}; REST callers may send ISO text. */
  private LocalDate date(Object value, String what) {
    if (value instanceof Date d) {
      return d.toInstant().atZone(zone).toLocalDate();
    }
    if (value instanceof LocalDate d) {
      return d;
    }
    if (value instanceof String s && !s.isBlank()) {
      return LocalDate.parse(s);
    }
    throw new IllegalArgumentException("a confirmation needs the " + what);
  }
}
