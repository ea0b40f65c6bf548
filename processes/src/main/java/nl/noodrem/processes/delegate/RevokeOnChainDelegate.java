package nl.noodrem.processes.delegate;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import nl.noodrem.processes.port.StatusSlot;
import nl.noodrem.processes.service.RevocationSteps;
import nl.noodrem.processes.support.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Task_RevokeOnChain: sets the credentials' bits in the issuer's status list, in one batch. */
public class RevokeOnChainDelegate implements JavaDelegate {

  private final RevocationSteps steps;

  public RevokeOnChainDelegate(RevocationSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    List<StatusSlot> slots = FindIssuedCredentialsDelegate.JSON.readValue(
        Vars.string(execution, Vars.SLOTS_TO_REVOKE), new TypeReference<List<StatusSlot>>() {});
    steps.revoke(execution.getProcessBusinessKey(), Vars.issuer(execution), slots);
  }
}
