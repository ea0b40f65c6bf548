package nl.noodrem.processes.delegate;

import java.time.Instant;
import nl.noodrem.domain.Oin;
import nl.noodrem.processes.port.IssuerApplication;
import nl.noodrem.processes.service.OnboardingSteps;
import nl.noodrem.processes.support.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Task_AccreditOnChain: writes the approved issuer and its first key to the issuer registry on chain. */
public class AccreditOnChainDelegate implements JavaDelegate {

  private final OnboardingSteps steps;

  public AccreditOnChainDelegate(OnboardingSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    IssuerApplication application = new IssuerApplication(
        Oin.of(Vars.string(execution, Vars.ISSUER_OIN)),
        Vars.string(execution, Vars.ISSUER_NAME),
        Vars.string(execution, Vars.ISSUER_ACCOUNT),
        Vars.string(execution, Vars.KEY_ID),
        IssuerApplication.parsePublicKeyHex(Vars.string(execution, Vars.PUBLIC_KEY_HEX)),
        Instant.parse(Vars.string(execution, Vars.KEY_VALID_FROM)),
        Instant.parse(Vars.string(execution, Vars.KEY_VALID_UNTIL)));
    execution.setVariable(Vars.ACCREDITATION_TX,
        steps.accredit(Vars.string(execution, Vars.ONBOARDING_REF), application));
  }
}
