package nl.noodrem.processes.delegate;

import nl.noodrem.domain.CaseNumber;
import nl.noodrem.processes.support.CaseList;
import nl.noodrem.processes.support.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Task_JoinFirstHold (event subprocess Event_NewCaseOpened): a case CJIB opened before the first hold was sent joins
 * the brake's cases, so the first hold command includes it; no case is left behind while the hold is retried or a
 * case officer decides on a repeated pull.
 */
public class JoinFirstHoldDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    CaseNumber newCase = CaseNumber.of(Vars.string(execution, Vars.NEW_CASE_NUMBER));
    execution.setVariable(Vars.CASES, CaseList.with(Vars.string(execution, Vars.CASES), newCase));
    execution.setVariable(Vars.CASE_COUNT, (long) CaseList.fromJson(Vars.string(execution, Vars.CASES)).size());
    execution.setVariable(Vars.CASES_VERSION, Vars.number(execution, Vars.CASES_VERSION) + 1);
  }
}
