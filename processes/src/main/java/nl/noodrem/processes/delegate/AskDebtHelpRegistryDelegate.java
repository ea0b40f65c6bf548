package nl.noodrem.processes.delegate;

import nl.noodrem.camel.api.WgsAnswer;
import nl.noodrem.processes.service.HiddenFacts;
import nl.noodrem.processes.service.IssuanceSteps;
import nl.noodrem.processes.service.Redaction;
import nl.noodrem.processes.support.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Task_AskDebtHelpRegistry: asks the municipality's system whether a Wgs decision exists. Sets {@code wgsOutcome}
 * (DECIDED / NONE / UNCLEAR) and, when decided, the facts to put in the credential; the attributes hidden from CJIB
 * are sealed. The municipality's free text for "none" is not kept (the citizen gets a fixed text).
 */
public class AskDebtHelpRegistryDelegate implements JavaDelegate {

  private final IssuanceSteps steps;

  public AskDebtHelpRegistryDelegate(IssuanceSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    WgsAnswer answer = steps.askRegistry(Vars.string(execution, Vars.ISSUANCE_REF), Vars.issuer(execution),
        Vars.sealedBsn(execution));
    if (answer instanceof WgsAnswer.Decided decided) {
      execution.setVariable(Vars.WGS_OUTCOME, "DECIDED");
      execution.setVariable(Vars.ASSISTANCE_TYPE, decided.assistanceType().name());
      execution.setVariable(Vars.DECISION_DATE, decided.decisionDate().toString());
      execution.setVariable(Vars.HELP_START_DATE, decided.helpStartDate().toString());
      execution.setVariable(Vars.HIDDEN_FACTS, steps.sealHiddenFacts(new HiddenFacts(
          Math.max(0, decided.debtAmountCents()), Math.max(0, decided.creditorCount()), decided.counsellorId())));
    } else if (answer instanceof WgsAnswer.Unclear unclear) {
      execution.setVariable(Vars.WGS_OUTCOME, "UNCLEAR");
      execution.setVariable(Vars.MUNICIPAL_CASE_ID, Redaction.maskBsns(String.valueOf(unclear.municipalCaseId())));
      execution.setVariable(Vars.UNCLEAR_REASON, Redaction.maskBsns(String.valueOf(unclear.reason())));
    } else {
      execution.setVariable(Vars.WGS_OUTCOME, "NONE");
    }
  }
}
