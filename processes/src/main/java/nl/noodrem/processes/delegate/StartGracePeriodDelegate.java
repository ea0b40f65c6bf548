package nl.noodrem.processes.delegate;

import nl.noodrem.processes.service.BrakeSteps;
import nl.noodrem.processes.support.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Task_StartGracePeriod: the credential was revoked; the hold stays for the grace period, then lifts. */
public class StartGracePeriodDelegate implements JavaDelegate {

  private final BrakeSteps steps;

  public StartGracePeriodDelegate(BrakeSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    execution.setVariable(Vars.GRACE_END, steps.startGracePeriod(Vars.string(execution, Vars.BRAKE_REF)).toString());
    execution.setVariable(Vars.REVOCATION_PENDING, false);
  }
}
