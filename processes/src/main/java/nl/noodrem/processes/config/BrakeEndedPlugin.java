package nl.noodrem.processes.config;

import java.util.ArrayList;
import java.util.List;
import nl.noodrem.processes.ProcessKeys;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.listener.DelegateExpressionExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Adds {@code ${brakeEndedListener}} to every deployed version of emergency-brake as a <em>built-in</em> end
 * listener. Cockpit's "cancel process instance" offers to skip custom listeners (those written in the model); a
 * built-in listener runs anyway, so a cancelled brake still frees the register and lifts its held cases. Written in
 * the model it could be skipped, and a later model version could forget it.
 */
public class BrakeEndedPlugin extends AbstractProcessEnginePlugin {

  static final String LISTENER_EXPRESSION = "${brakeEndedListener}";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        if (ProcessKeys.EMERGENCY_BRAKE.equals(processDefinition.getKey())) {
          processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, new DelegateExpressionExecutionListener(
              configuration.getExpressionManager().createExpression(LISTENER_EXPRESSION), List.of()));
        }
      }
    });
  }
}
