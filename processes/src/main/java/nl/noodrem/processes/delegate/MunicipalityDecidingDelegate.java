package nl.noodrem.processes.delegate;

import nl.noodrem.processes.ProcessKeys;
import nl.noodrem.processes.support.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Task_CheckMunicipalityDeciding (R8): the municipality is still deciding when this citizen (by pseudonym) has a
 * request for a proof of debt help that a debt counsellor has not decided yet. Checked once per brake.
 */
public class MunicipalityDecidingDelegate implements JavaDelegate {

  static final String COUNSELLOR_DECIDES = "Task_ConfirmIssuance";

  @Override
  public void execute(DelegateExecution execution) {
    long undecided = execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.CREDENTIAL_ISSUANCE)
        .variableValueEquals(Vars.CITIZEN_REF, Vars.string(execution, Vars.CITIZEN_REF))
        .activityIdIn(COUNSELLOR_DECIDES)
        .count();
    execution.setVariable(Vars.MUNICIPALITY_DECIDING, undecided > 0);
    execution.setVariable(Vars.LENIENCY_CHECKED, true);
  }
}
