package nl.noodrem.processes.delegate;

import java.time.LocalDate;
import java.util.List;
import nl.noodrem.domain.HoldAuthority;
import nl.noodrem.domain.HoldPeriod;
import nl.noodrem.processes.service.BrakeSteps;
import nl.noodrem.processes.support.CaseList;
import nl.noodrem.processes.support.Vars;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Task_CorrectHoldEnd (SubProcess_CorrectHoldEnd): sends the corrected period (a case officer's authority, at most
 * 18 months from the first held day; {@link HoldPeriod} refuses more), sets {@code holdEnd} and recalculates the
 * timers whose date is computed from it, so the brake ends when the collection system's hold does.
 */
public class CorrectHoldEndDelegate implements JavaDelegate {

  /** Timers of emergency-brake whose due date is an expression on holdEnd. */
  static final List<String> TIMERS_ON_HOLD_END = List.of("Event_FirstHoldEnded", "Event_HoldEnded",
      "Event_HoldEndedDuringGrace", "Event_ReviewOutlastsHold");

  private final BrakeSteps steps;

  public CorrectHoldEndDelegate(BrakeSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    HoldPeriod current = new HoldPeriod(Vars.date(execution, Vars.HOLD_START), Vars.date(execution, Vars.HOLD_END));
    long correction = (execution.getVariable(Vars.CORRECTIONS_MADE) == null ? 0
        : Vars.number(execution, Vars.CORRECTIONS_MADE)) + 1;
    BrakeSteps.SentCommand sent = steps.correctHoldEnd(Vars.string(execution, Vars.BRAKE_REF),
        CaseList.fromJson(Vars.string(execution, Vars.CASES)), current,
        LocalDate.parse(Vars.string(execution, Vars.CORRECTED_HOLD_END)), HoldAuthority.CASE_OFFICER, correction);
    // the command id is local: the acknowledgement wait in this event subprocess waits for this command only
    execution.setVariableLocal(Vars.HOLD_COMMAND_ID, sent.commandId());
    execution.getProcessInstance().setVariable(Vars.HOLD_END, sent.period().end().toString());
    execution.getProcessInstance().setVariable(Vars.CORRECTIONS_MADE, correction);
    // conflicts with a new case or an extension at the same moment, so one of them retries with the other's result
    execution.setVariable(Vars.CASES_VERSION, Vars.number(execution, Vars.CASES_VERSION) + 1);
    ManagementService management = execution.getProcessEngineServices().getManagementService();
    for (String activity : TIMERS_ON_HOLD_END) {
      for (Job timer : management.createJobQuery().processInstanceId(execution.getProcessInstanceId()).timers()
          .activityId(activity).list()) {
        management.recalculateJobDuedate(timer.getId(), false);
      }
    }
  }
}
