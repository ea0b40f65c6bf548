package nl.noodrem.processes.delegate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who completes a user task, for audit records and the four-eyes rule. */
final class Actors {

  private Actors() {}

  /**
   * The user the engine's identity service says is logged in for this request (Tasklist's session, the REST API's
   * HTTP Basic login), never a name the caller can choose (the assignee can be set by a claim or an assignment, so it
   * proves nothing by itself; the task guard also refuses a completion by anyone but the assignee).
   *
   * @throws IllegalStateException when nobody is logged in: a decision needs a real name in the audit trail
   */
  static String of(DelegateTask task) {
    Authentication authentication =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null && !authentication.getUserId().isBlank()) {
      return authentication.getUserId();
    }
    throw new IllegalStateException("only a logged-in user can complete this task: the decision needs a name on record");
  }
}
