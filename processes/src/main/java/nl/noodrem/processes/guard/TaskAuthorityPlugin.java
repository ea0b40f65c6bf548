package nl.noodrem.processes.guard;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * The server's authority over user tasks, in the engine itself so that Tasklist, the engine's REST API and Java
 * callers meet the same rules:
 *
 * <ul>
 *   <li>every user task of every deployed process gets {@link TaskInputGuard} (complete) and
 *       {@link TaskAssignmentGuard} (assignment) as built-in listeners, which run before the model's own;
 *   <li>a logged-in user who is not a Camunda administrator cannot write, change or remove process or task
 *       variables outside a task's completion ({@code PUT /task/{id}/variables}, {@code /process-instance/{id}/
 *       variables}, {@code /execution/...}, resolving a delegated task with variables): 403;
 *   <li>a refusal thrown inside a listener reaches the caller as itself (the engine wraps listener exceptions), so
 *       REST answers 400 for rejected input and 403 for a refused actor, never 500.
 * </ul>
 */
public class TaskAuthorityPlugin extends AbstractProcessEnginePlugin {

  /** Camunda's administrators' group: they may repair variables (Cockpit); everyone else may not. */
  public static final String ADMIN_GROUP = "camunda-admin";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new GuardEveryUserTask());
    List<CommandInterceptor> outer = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    outer.add(0, new Refusals(configuration));
    configuration.setCustomPreCommandInterceptorsTxRequired(outer);
    // inside the command context, so the context logs the refusal itself (a 403 at DEBUG), not the engine's wrapper
    List<CommandInterceptor> inner = configuration.getCustomPostCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
    inner.add(0, new Unwrap());
    configuration.setCustomPostCommandInterceptorsTxRequired(inner);
  }

  private static final class GuardEveryUserTask extends AbstractBpmnParseListener {
    private final TaskListener assignment = new TaskAssignmentGuard();

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      if (!(activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior)) {
        return;
      }
      String processKey = ((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey();
      TaskInputs.TaskKey key = new TaskInputs.TaskKey(processKey, activity.getId());
      TaskDefinition definition = behavior.getTaskDefinition();
      definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
          new TaskInputGuard(key, TaskInputs.of(processKey, activity.getId())));
      definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, assignment);
    }
  }

  /** Lets a guard's refusal out as itself: the engine wraps whatever a task listener throws. */
  static final class Unwrap extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (ProcessEngineException e) {
        ProcessEngineException refusal = Refusals.refusal(e);
        throw refusal != null ? refusal : e;
      }
    }
  }

  /** Outermost interceptor: refuses direct variable writes by staff; lets a guard's refusal out unwrapped. */
  static final class Refusals extends CommandInterceptor {
    private final ProcessEngineConfigurationImpl configuration;

    Refusals(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      boolean outermost = Context.getCommandContext() == null;
      if (outermost && writesVariables(command)) {
        Authentication user = configuration.getIdentityService().getCurrentAuthentication();
        if (user != null && user.getUserId() != null
            && (user.getGroupIds() == null || !user.getGroupIds().contains(ADMIN_GROUP))) {
          throw new TaskAuthorityException("Procesgegevens worden alleen geschreven door het afronden van een taak."
              + " (Process variables are written only by completing a task.)");
        }
      }
      try {
        return next.execute(command);
      } catch (ProcessEngineException e) {
        ProcessEngineException refusal = refusal(e);
        throw refusal != null ? refusal : e;
      }
    }

    private static boolean writesVariables(Command<?> command) {
      return command instanceof AbstractSetVariableCmd || command instanceof AbstractPatchVariablesCmd
          || command instanceof AbstractRemoveVariableCmd || command instanceof ResolveTaskCmd;
    }

    static ProcessEngineException refusal(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
        if (t instanceof TaskInputRejectedException || t instanceof TaskAuthorityException) {
          return (ProcessEngineException) t;
        }
      }
      return null;
    }
  }
}
