package nl.noodrem.processes.delegate;

import nl.noodrem.domain.HoldAuthority;
import nl.noodrem.domain.HoldPeriod;
import nl.noodrem.processes.port.AuditAction;
import nl.noodrem.processes.service.BrakeSteps;
import nl.noodrem.processes.support.CaseList;
import nl.noodrem.processes.support.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Task_ExtendHold: moves the end of the hold on all held cases by the granted months, counted from the old end and
 * cut at the ceiling of whoever decided ({@code holdAuthority}).
 */
public class ExtendHoldDelegate implements JavaDelegate {

  private final BrakeSteps steps;

  public ExtendHoldDelegate(BrakeSteps steps) {
    this.steps = steps;
  }

  /** The hold decision's output; true when no decision said otherwise (the noodstop suspends surcharges). */
  static boolean suspendSurcharges(DelegateExecution execution) {
    return !Boolean.FALSE.equals(execution.getVariable(Vars.SUSPEND_SURCHARGES));
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    String brakeRef = Vars.string(execution, Vars.BRAKE_REF);
    int months = Math.toIntExact(Vars.number(execution, Vars.GRANTED_HOLD_MONTHS));
    long extension = Vars.number(execution, Vars.EXTENSIONS_GRANTED) + 1;
    // a reviewed decision carries the case officer's authority (up to 18 months); the rules alone stop at 12
    HoldAuthority authority = execution.getVariable(Vars.HOLD_AUTHORITY) == null ? HoldAuthority.RULES
        : HoldAuthority.valueOf(Vars.string(execution, Vars.HOLD_AUTHORITY));
    HoldPeriod current = new HoldPeriod(Vars.date(execution, Vars.HOLD_START), Vars.date(execution, Vars.HOLD_END));
    BrakeSteps.SentCommand sent = steps.extendHold(brakeRef, CaseList.fromJson(Vars.string(execution, Vars.CASES)),
        current, months, authority, extension, suspendSurcharges(execution));
    steps.audit(brakeRef, AuditAction.HOLD_DECIDED, months + " month(s) granted ("
        + execution.getVariable(Vars.DECISION_REASON) + "), surcharges suspended: "
        + execution.getVariable(Vars.SUSPEND_SURCHARGES) + ", hold until " + sent.period().end());
    execution.setVariable(Vars.HOLD_END, sent.period().end().toString());
    execution.setVariable(Vars.HOLD_COMMAND_ID, sent.commandId());
    execution.setVariable(Vars.EXTENSIONS_GRANTED, extension);
    // conflicts with a new case being added at the same moment, so one of the two retries with the other's list
    execution.setVariable(Vars.CASES_VERSION, Vars.number(execution, Vars.CASES_VERSION) + 1);
  }
}
