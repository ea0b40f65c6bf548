package nl.noodrem.processes.delegate;

import nl.noodrem.processes.port.StatusSlot;
import nl.noodrem.processes.service.IssuanceSteps;
import nl.noodrem.processes.support.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Task_RecordIssuance: right after pickup, in the pickup's transaction, writes the issuance record revocation
 * needs, and drops the sealed hidden facts (the credential now lives only in the wallet).
 */
public class RecordIssuanceDelegate implements JavaDelegate {

  private final IssuanceSteps steps;

  public RecordIssuanceDelegate(IssuanceSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    steps.recordIssuance(Vars.string(execution, Vars.ISSUANCE_REF), Vars.citizen(execution), Vars.issuer(execution),
        new StatusSlot(Vars.number(execution, Vars.STATUS_LIST_ID), Vars.number(execution, Vars.STATUS_INDEX)),
        Vars.date(execution, Vars.VALID_UNTIL));
    execution.removeVariable(Vars.HIDDEN_FACTS);
    execution.removeVariable(Vars.SEALED_BSN);
  }
}
