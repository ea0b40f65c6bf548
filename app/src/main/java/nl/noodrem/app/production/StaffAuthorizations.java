package nl.noodrem.app.production;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.noodrem.app.staff.StaffGroups;
import nl.noodrem.processes.ProcessKeys;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.identity.Group;

/**
 * Who may do what in Cockpit, Tasklist, Admin and the engine's REST API once Camunda's authorization checks are on
 * (production). Applied at start and again on a schedule, idempotently: missing groups and grants are added,
 * nothing is ever taken away (an administrator may grant more in Admin).
 *
 * <ul>
 *   <li><b>Process owners</b> ({@value StaffGroups#PROCESS_OWNERS}): Cockpit, read only — definitions, instances,
 *       their history, tasks and incidents, decisions, deployments, the operation log. No update, delete, retry,
 *       suspend or start permission of any kind; no Tasklist, no Admin.
 *   <li><b>Case officers, CJIB operations, network admins and each municipality's debt counsellors</b>: Tasklist
 *       and its filters, and read access to their own process definition (name, diagram, form). Which tasks they
 *       see is decided per task: the engine grants the task's candidate group READ and {@code TASK_WORK} (claim,
 *       complete) when the task is created ({@code defaultUserPermissionNameForTask=TASK_WORK}), so counsellors of
 *       one municipality never see another's tasks and nobody sees a task of a group they are not in.
 *   <li><b>Administrators</b> ({@value Groups#CAMUNDA_ADMIN}, the configured admin user): everything.
 * </ul>
 */
public final class StaffAuthorizations {

  /** A grant of {@code permissions} on one resource (or {@code *}) to a group. */
  public record Grant(String groupId, Resource resource, String resourceId, List<Permission> permissions) {}

  public static final String COUNSELLOR_GROUP_PREFIX = "debt-counsellors-";

  private final AuthorizationService authorizations;
  private final IdentityService identity;

  public StaffAuthorizations(AuthorizationService authorizations, IdentityService identity) {
    this.authorizations = authorizations;
    this.identity = identity;
  }

  /** Every grant for the fixed groups plus the given counsellor groups. */
  public static List<Grant> grants(Collection<String> counsellorGroups) {
    List<Grant> grants = new ArrayList<>();
    for (Resource resource : Resources.values()) {
      grants.add(new Grant(Groups.CAMUNDA_ADMIN, resource, Authorization.ANY, List.of(Permissions.ALL)));
    }
    String owners = StaffGroups.PROCESS_OWNERS;
    grants.add(new Grant(owners, Resources.APPLICATION, "cockpit", List.of(Permissions.ACCESS)));
    grants.add(new Grant(owners, Resources.PROCESS_DEFINITION, Authorization.ANY, List.of(
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK)));
    grants.add(new Grant(owners, Resources.PROCESS_INSTANCE, Authorization.ANY, List.of(Permissions.READ)));
    grants.add(new Grant(owners, Resources.DECISION_DEFINITION, Authorization.ANY,
        List.of(Permissions.READ, Permissions.READ_HISTORY)));
    grants.add(new Grant(owners, Resources.DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY,
        List.of(Permissions.READ)));
    grants.add(new Grant(owners, Resources.DEPLOYMENT, Authorization.ANY, List.of(Permissions.READ)));
    grants.add(new Grant(owners, Resources.OPERATION_LOG_CATEGORY, Authorization.ANY,
        List.of(UserOperationLogCategoryPermissions.READ)));

    taskWorker(grants, StaffGroups.CASE_OFFICERS, ProcessKeys.EMERGENCY_BRAKE);
    taskWorker(grants, StaffGroups.CJIB_OPERATIONS, ProcessKeys.EMERGENCY_BRAKE);
    taskWorker(grants, StaffGroups.NETWORK_ADMINS, ProcessKeys.ISSUER_ONBOARDING);
    for (String counsellors : counsellorGroups) {
      taskWorker(grants, counsellors, ProcessKeys.CREDENTIAL_ISSUANCE);
    }
    return grants;
  }

  private static void taskWorker(List<Grant> grants, String group, String processKey) {
    grants.add(new Grant(group, Resources.APPLICATION, "tasklist", List.of(Permissions.ACCESS)));
    grants.add(new Grant(group, Resources.FILTER, Authorization.ANY, List.of(Permissions.READ)));
    grants.add(new Grant(group, Resources.PROCESS_DEFINITION, processKey, List.of(ProcessDefinitionPermissions.READ)));
  }

  /**
   * Creates the staff groups that are missing (the fixed ones, and a counsellor group per given municipality OIN)
   * and every grant that is missing.
   *
   * @return how many grants were created or widened
   */
  public int apply(Collection<String> municipalityOins) {
    Set<String> counsellorGroups = new LinkedHashSet<>();
    municipalityOins.forEach(oin -> counsellorGroups.add(COUNSELLOR_GROUP_PREFIX + oin));
    for (String group : List.of(StaffGroups.PROCESS_OWNERS, StaffGroups.CASE_OFFICERS, StaffGroups.CJIB_OPERATIONS,
        StaffGroups.NETWORK_ADMINS)) {
      ensureGroup(group, Groups.GROUP_TYPE_WORKFLOW);
    }
    counsellorGroups.forEach(g -> ensureGroup(g, Groups.GROUP_TYPE_WORKFLOW));
    ensureGroup(Groups.CAMUNDA_ADMIN, Groups.GROUP_TYPE_SYSTEM);
    // groups an administrator created in Admin get their grants at the next run
    identity.createGroupQuery().list().stream().map(Group::getId)
        .filter(id -> id.startsWith(COUNSELLOR_GROUP_PREFIX)).forEach(counsellorGroups::add);
    int changed = 0;
    for (Grant grant : grants(counsellorGroups)) {
      changed += ensure(grant) ? 1 : 0;
    }
    return changed;
  }

  private void ensureGroup(String id, String type) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(id);
      group.setType(type);
      identity.saveGroup(group);
    }
  }

  private boolean ensure(Grant grant) {
    Authorization existing = authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(grant.groupId())
        .resourceType(grant.resource()).resourceId(grant.resourceId()).singleResult();
    Authorization authorization = existing != null ? existing
        : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    boolean changed = existing == null;
    if (existing == null) {
      authorization.setGroupId(grant.groupId());
      authorization.setResource(grant.resource());
      authorization.setResourceId(grant.resourceId());
    }
    for (Permission permission : grant.permissions()) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(authorization);
    }
    return changed;
  }
}
