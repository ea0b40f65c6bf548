package nl.noodrem.processes.guard;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.core.variable.CoreVariableInstance;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * The variables of a task's process instance that the running command has created, changed or removed so far: read
 * from the engine's entity cache of this command (a new row, a row whose persistent state differs from what was
 * loaded, a deleted row), plus every transient variable in the instance (transient values are never stored, yet the
 * task's listeners would read them). A value written but equal to the stored one changes nothing and is not counted.
 */
final class WrittenVariables {

  /** A written variable; {@code value} is null for a removal. */
  record Written(String name, Object value, boolean removed) {}

  private WrittenVariables() {}

  static Map<String, Written> of(TaskEntity task) {
    Map<String, Written> written = new LinkedHashMap<>();
    String instanceId = task.getProcessInstanceId();
    for (CachedDbEntity cached : Context.getCommandContext().getDbEntityManager().getDbEntityCache()
        .getCachedEntities()) {
      if (!(cached.getEntity() instanceof VariableInstanceEntity variable)
          || !instanceId.equals(variable.getProcessInstanceId())) {
        continue;
      }
      DbEntityState state = cached.getEntityState();
      if (state == DbEntityState.TRANSIENT || (state == DbEntityState.PERSISTENT && cached.isDirty())) {
        written.put(variable.getName(), new Written(variable.getName(), value(variable), false));
      } else if (state == DbEntityState.DELETED_PERSISTENT || state == DbEntityState.DELETED_MERGED
          || state == DbEntityState.DELETED_TRANSIENT) {
        written.putIfAbsent(variable.getName(), new Written(variable.getName(), null, true));
      }
    }
    Deque<ExecutionEntity> executions = new ArrayDeque<>();
    executions.add(task.getProcessInstance());
    while (!executions.isEmpty()) {
      ExecutionEntity execution = executions.pop();
      transients(execution.getVariableInstancesLocal(), written);
      executions.addAll(execution.getExecutions());
    }
    transients(task.getVariableInstancesLocal(), written);
    return written;
  }

  private static void transients(Iterable<CoreVariableInstance> variables, Map<String, Written> written) {
    for (CoreVariableInstance instance : variables) {
      if (instance instanceof VariableInstanceEntity variable && variable.isTransient()) {
        written.put(variable.getName(), new Written(variable.getName(), value(variable), false));
      }
    }
  }

  /** The plain value; object, file and serialized values are never deserialized here (they are refused anyway). */
  private static Object value(VariableInstanceEntity variable) {
    var typed = variable.getTypedValue(false);
    if (typed == null || typed.getType() == null || !typed.getType().isPrimitiveValueType()) {
      return new NotPlain(typed == null || typed.getType() == null ? "?" : typed.getType().getName());
    }
    return typed.getValue();
  }

  /** Marks a value that is not a plain text, number, boolean or date: no rule accepts it. */
  record NotPlain(String type) {}
}
