package nl.noodrem.processes.config;

import java.util.Set;
import nl.noodrem.processes.ProcessKeys;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRequirementsGraph;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.spi.transform.DmnTransformListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * Applies {@code noodrem.process.history-time-to-live} to Noodrem's processes and decision at deployment. The
 * models carry a TTL themselves (Camunda refuses models without one, and Cockpit shows it); this plugin lets an
 * operator change it per environment without a new model version. Only our keys are touched.
 */
public class HistoryTimeToLivePlugin extends AbstractProcessEnginePlugin {

  static final Set<String> PROCESS_KEYS = Set.of(ProcessKeys.EMERGENCY_BRAKE, ProcessKeys.CREDENTIAL_ISSUANCE,
      ProcessKeys.CREDENTIAL_REVOCATION, ProcessKeys.ISSUER_ONBOARDING);
  static final Set<String> DECISION_KEYS = Set.of(ProcessKeys.HOLD_DECISION, ProcessKeys.PULL_DECISION);

  private final int days;

  public HistoryTimeToLivePlugin(int days) {
    if (days < 1) {
      throw new IllegalArgumentException("history time-to-live must be at least one day");
    }
    this.days = days;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new java.util.ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        if (PROCESS_KEYS.contains(processDefinition.getKey())) {
          processDefinition.setHistoryTimeToLive(days);
        }
      }
    });
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // the DMN engine exists only after init; its transformer is consulted at every deployment
    configuration.getDmnEngineConfiguration().getTransformer().getTransformListeners().add(new DecisionTtl());
  }

  private final class DecisionTtl implements DmnTransformListener {
    @Override
    public void transformDecision(Decision decision, DmnDecision dmnDecision) {
      if (dmnDecision instanceof DecisionDefinitionEntity entity && DECISION_KEYS.contains(entity.getKey())) {
        entity.setHistoryTimeToLive(days);
      }
    }

    @Override
    public void transformDecisionTableInput(Input input, DmnDecisionTableInputImpl dmnInput) {}

    @Override
    public void transformDecisionTableOutput(Output output, DmnDecisionTableOutputImpl dmnOutput) {}

    @Override
    public void transformDecisionTableRule(Rule rule, DmnDecisionTableRuleImpl dmnRule) {}

    @Override
    public void transformDecisionRequirementsGraph(Definitions definitions, DmnDecisionRequirementsGraph graph) {}
  }
}
