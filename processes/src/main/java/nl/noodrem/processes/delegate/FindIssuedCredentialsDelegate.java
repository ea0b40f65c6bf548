package nl.noodrem.processes.delegate;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import nl.noodrem.processes.port.StatusSlot;
import nl.noodrem.processes.service.RevocationSteps;
import nl.noodrem.processes.support.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Task_FindIssuedCredentials: the unrevoked credentials this municipality issued to the citizen. */
public class FindIssuedCredentialsDelegate implements JavaDelegate {

  static final ObjectMapper JSON = new ObjectMapper();

  private final RevocationSteps steps;

  public FindIssuedCredentialsDelegate(RevocationSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    List<StatusSlot> slots = steps.findIssued(Vars.citizen(execution), Vars.issuer(execution));
    // JSON text, not a serialised Java list: readable in Cockpit, no class on the engine's classpath needed
    execution.setVariable(Vars.SLOTS_TO_REVOKE, JSON.writeValueAsString(slots));
    execution.setVariable(Vars.SLOT_COUNT, (long) slots.size());
  }
}
