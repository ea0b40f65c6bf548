package nl.noodrem.processes.guard;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/** The logged-in staff member as the engine knows them (Camunda's identity service, set per request). */
final class Staff {

  private Staff() {}

  static Optional<org.camunda.bpm.engine.impl.identity.Authentication> current(DelegateTask task) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null || authentication.getUserId().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(authentication);
  }

  /**
   * The logged-in user, who must be one of the task's candidates (a candidate user, or a member of a candidate
   * group).
   *
   * @throws TaskAuthorityException when nobody is logged in or the user is not a candidate
   */
  static String requireCandidate(DelegateTask task, String doing) {
    Authentication authentication = current(task).orElseThrow(() -> new TaskAuthorityException(
        "Alleen een ingelogde medewerker kan een taak behandelen. (Only a logged-in staff member can work on a task: "
            + doing + ".)"));
    String user = authentication.getUserId();
    List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    boolean candidate = false;
    for (IdentityLink link : task.getCandidates()) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      if (user.equals(link.getUserId()) || (link.getGroupId() != null && groups.contains(link.getGroupId()))) {
        candidate = true;
      }
    }
    if (!candidate) {
      throw new TaskAuthorityException("Deze taak is niet voor uw groep. (This task is not for your group.)");
    }
    return user;
  }
}
