package nl.noodrem.processes.delegate;

import java.util.List;
import nl.noodrem.domain.CaseNumber;
import nl.noodrem.processes.port.AuditAction;
import nl.noodrem.processes.service.BrakeSteps;
import nl.noodrem.processes.support.CaseList;
import nl.noodrem.processes.support.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Task_RemoveRejectedCases (SubProcess_CasesNotHeld): cases the collection system refused to hold leave the brake's
 * case list, so no later message counts them as held; the fact is audited.
 */
public class RemoveRejectedCasesDelegate implements JavaDelegate {

  private final BrakeSteps steps;

  public RemoveRejectedCasesDelegate(BrakeSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<CaseNumber> rejected = CaseList.fromJson(Vars.string(execution, Vars.REJECTED_CASES));
    List<CaseNumber> kept = CaseList.fromJson(Vars.string(execution, Vars.CASES)).stream()
        .filter(c -> !rejected.contains(c)).toList();
    execution.setVariable(Vars.CASES, CaseList.toJson(kept));
    execution.setVariable(Vars.CASE_COUNT, (long) kept.size());
    execution.setVariable(Vars.CASES_VERSION, Vars.number(execution, Vars.CASES_VERSION) + 1);
    execution.setVariable(Vars.REJECTED_CASES_PENDING, false);
    execution.setVariable(Vars.REJECTED_CASES_TEXT,
        String.join(", ", rejected.stream().map(CaseNumber::value).toList()));
    steps.audit(Vars.string(execution, Vars.BRAKE_REF), AuditAction.HOLD_ACKNOWLEDGED, rejected.size()
        + " case(s) not held by the collection system (" + execution.getVariable(Vars.REJECTION_REASON) + ")");
  }
}
