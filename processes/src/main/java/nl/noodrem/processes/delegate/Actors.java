package nl.noodrem.processes.delegate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who completes a user task, for audit records and the four-eyes rule. */
final class Actors {

  private Actors() {}

  /**
   * The task's assignee, else the authenticated user of the call that completes it.
   *
   * @throws IllegalStateException when neither is known: decisions need a name in the audit trail, so the task
   *     must be claimed (Tasklist does this) or completed by an authenticated caller
   */
  static String of(DelegateTask task) {
    if (task.getAssignee() != null && !task.getAssignee().isBlank()) {
      return task.getAssignee();
    }
    Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (auth != null && auth.getUserId() != null) {
      return auth.getUserId();
    }
    throw new IllegalStateException("claim the task before completing it: the decision needs a name on record");
  }
}
