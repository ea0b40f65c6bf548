package nl.noodrem.processes.guard;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Built-in assignment listener of every user task: a logged-in user may take a task only for themselves and only
 * when they are one of its candidates, or give it back (no assignee). Claiming, assigning or delegating in
 * someone else's name is refused, so the name on a task is always the person who took it. Assignments made by the
 * engine itself (no logged-in user on the thread) are the models' own and pass.
 */
final class TaskAssignmentGuard implements TaskListener {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TaskAssignmentGuard.class);

  @Override
  public void notify(DelegateTask task) {
    String assignee = task.getAssignee();
    if (assignee == null || Staff.current(task).isEmpty()) {
      return;
    }
    String user;
    try {
      user = Staff.requireCandidate(task, "claiming");
    } catch (TaskAuthorityException refused) {
      LOG.warn("claim refused: task {}, user {} is not a candidate", task.getId(), Staff.current(task)
          .map(a -> a.getUserId()).orElse("-"));
      throw refused;
    }
    if (!user.equals(assignee)) {
      LOG.warn("claim refused: task {}, user {} tried to assign it to {}", task.getId(), user, assignee);
      throw new TaskAuthorityException("U kunt een taak alleen voor uzelf in behandeling nemen, niet op naam van '"
          + assignee + "'. (You can only claim a task for yourself, not in the name of '" + assignee + "'.)");
    }
  }
}
