package nl.noodrem.processes.guard;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Built-in complete listener of every user task (added by {@link TaskAuthorityPlugin}, so it runs before the model's
 * own listeners): the completer is the logged-in user, who claimed the task and is one of its candidates; the
 * completion wrote only the variables the task declares in {@link TaskInputs}, each within its rule; and the
 * declared facts still hold. Anything else refuses the completion, and the command's transaction takes every write
 * of it back.
 */
final class TaskInputGuard implements TaskListener {

  private static final Logger LOG = LoggerFactory.getLogger(TaskInputGuard.class);

  private final TaskInputs.TaskKey key;
  private final TaskInputs.Declaration declaration;

  TaskInputGuard(TaskInputs.TaskKey key, TaskInputs.Declaration declaration) {
    this.key = key;
    this.declaration = declaration;
  }

  @Override
  public void notify(DelegateTask task) {
    try {
      check(task);
    } catch (TaskInputRejectedException | TaskAuthorityException refused) {
      // a refusal is the caller's mistake or an attempt, not a failure of the system: one WARN line, no data values
      LOG.warn("task completion refused: {} of {} (task {}), user {}: {}", key.taskId(), key.processKey(),
          task.getId(), Staff.current(task).map(a -> a.getUserId()).orElse("-"), refused.getMessage());
      throw refused;
    }
  }

  private void check(DelegateTask task) {
    String user = Staff.requireCandidate(task, "completing");
    if (!user.equals(task.getAssignee())) {
      throw new TaskAuthorityException("Neem de taak eerst zelf in behandeling (claim) voordat u haar afrondt."
          + " (Claim the task yourself before completing it.)");
    }
    for (Map.Entry<String, WrittenVariables.Written> entry : WrittenVariables.of((TaskEntity) task).entrySet()) {
      String name = entry.getKey();
      InputRule rule = declaration.inputs().get(name);
      if (rule == null || entry.getValue().removed()) {
        throw new TaskInputRejectedException("Deze taak mag '" + name + "' niet " + (rule == null ? "schrijven" :
            "verwijderen") + "; toegestaan: " + declaration.inputs().keySet() + " (task " + key.taskId()
            + " may not write '" + name + "'; allowed: " + declaration.inputs().keySet() + ")");
      }
      Optional<String> problem = rule.problem(entry.getValue().value());
      if (problem.isPresent()) {
        throw new TaskInputRejectedException("'" + name + "' " + problem.get());
      }
    }
    for (TaskInputs.Recheck recheck : declaration.rechecks()) {
      recheck.problem(task).ifPresent(problem -> {
        throw new TaskAuthorityException("Deze taak kan niet worden afgerond: " + problem);
      });
    }
  }
}
