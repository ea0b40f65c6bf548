package nl.noodrem.processes.delegate;

import nl.noodrem.processes.service.IssuanceSteps;
import nl.noodrem.processes.support.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Task_AllocateStatusIndex: reserves the credential's revocation bit on chain and fixes its validity. */
public class AllocateStatusIndexDelegate implements JavaDelegate {

  private final IssuanceSteps steps;

  public AllocateStatusIndexDelegate(IssuanceSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    IssuanceSteps.Allocation allocation = steps.allocate(Vars.string(execution, Vars.ISSUANCE_REF),
        Vars.issuer(execution), Vars.date(execution, Vars.HELP_START_DATE));
    execution.setVariable(Vars.STATUS_LIST_ID, allocation.slot().statusListId());
    execution.setVariable(Vars.STATUS_INDEX, allocation.slot().statusIndex());
    execution.setVariable(Vars.VALID_UNTIL, allocation.validUntil().toString());
    execution.setVariable(Vars.PICKUP_BY, allocation.pickupBy().toString());
  }
}
