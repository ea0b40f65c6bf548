package nl.noodrem.processes.delegate;

import org.camunda.bpm.engine.delegate.DelegateTask;

/** Who completes a user task, for audit records and the four-eyes rule. */
final class Actors {

  private Actors() {}

  /**
   * The task's assignee.
   *
   * @throws IllegalStateException when the task is not claimed: a decision needs a name in the audit trail, so the
   *     task must be claimed (Tasklist does this before a user can complete it; REST callers claim first)
   */
  static String of(DelegateTask task) {
    if (task.getAssignee() != null && !task.getAssignee().isBlank()) {
      return task.getAssignee();
    }
    throw new IllegalStateException("claim the task before completing it: the decision needs a name on record");
  }
}
