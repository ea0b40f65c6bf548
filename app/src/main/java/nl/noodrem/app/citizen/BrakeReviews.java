package nl.noodrem.app.citizen;

import nl.noodrem.app.staff.StaffGroups;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * Whether a CJIB case officer still has to decide on a brake (the hold decision asked for a review: a case at the
 * bailiff or coercive stage, a large amount, repeated brakes). Until that decision the portal says the cases are
 * being looked at ("wordt bekeken"), never that the proof or the extension is approved.
 */
@Component
public class BrakeReviews {

  private final TaskService tasks;

  BrakeReviews(TaskService tasks) {
    this.tasks = tasks;
  }

  /** True while a case officer's task on this brake is open (claimed or not). */
  public boolean pending(String brakeRef) {
    return tasks.createTaskQuery().processInstanceBusinessKey(brakeRef).taskCandidateGroup(StaffGroups.CASE_OFFICERS)
        .includeAssignedTasks().count() > 0;
  }
}
