package nl.noodrem.processes.delegate;

import nl.noodrem.processes.service.BrakeSteps;
import nl.noodrem.processes.support.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * End listener of emergency-brake: however the instance ends (an end event, or cancelled in Cockpit), the citizen
 * may pull a new brake afterwards.
 */
public class BrakeEndedListener implements ExecutionListener {

  private final BrakeSteps steps;

  public BrakeEndedListener(BrakeSteps steps) {
    this.steps = steps;
  }

  @Override
  public void notify(DelegateExecution execution) {
    steps.brakeEnded(Vars.string(execution, Vars.BRAKE_REF));
  }
}
