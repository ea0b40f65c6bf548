package nl.noodrem.app.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import nl.noodrem.app.staff.StaffGroups;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With the production engine settings (authorization checks on, {@code TASK_WORK} for candidates) and the grants of
 * {@link StaffAuthorizations}: process owners read everything in Cockpit and change nothing, each group sees and
 * works only its own tasks, counsellors of one municipality never see another's, administrators may do anything.
 */
class StaffAuthorizationsTest {

  static final String DEN_HAAG = "00000001999990001000";
  static final String EINDHOVEN = "00000001999990002000";

  ProcessEngine engine;
  IdentityService identity;
  AuthorizationService authorizations;
  TaskService tasks;
  RuntimeService runtime;
  String instanceId;

  @BeforeEach
  void engineWithStaffAndOneInstance() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:authz-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    SchemaMigrations.migrate(h2);
    engine = ProductionEngine.start("authz-" + UUID.randomUUID(), h2);
    identity = engine.getIdentityService();
    authorizations = engine.getAuthorizationService();
    tasks = engine.getTaskService();
    runtime = engine.getRuntimeService();

    assertThat(engine.getProcessEngineConfiguration().isAuthorizationEnabled()).as("production enables checks").isTrue();
    assertThat(new StaffAuthorizations(authorizations, identity).apply(List.of(DEN_HAAG, EINDHOVEN))).isPositive();

    user("owner", StaffGroups.PROCESS_OWNERS);
    user("officer", StaffGroups.CASE_OFFICERS);
    user("denhaag", "debt-counsellors-" + DEN_HAAG);
    user("eindhoven", "debt-counsellors-" + EINDHOVEN);
    user("admin", Groups.CAMUNDA_ADMIN);
    user("outsider", null);

    // three tasks at once, one per group, like a brake's review and two municipalities' issuance checks
    BpmnModelInstance model = Bpmn.createExecutableProcess("authz-check").camundaHistoryTimeToLive(1)
        .startEvent().parallelGateway("Gateway_Fork")
        .userTask("Task_Officer").camundaCandidateGroups(StaffGroups.CASE_OFFICERS).endEvent()
        .moveToNode("Gateway_Fork").userTask("Task_DenHaag").camundaCandidateGroups("debt-counsellors-" + DEN_HAAG)
        .endEvent()
        .moveToNode("Gateway_Fork").userTask("Task_Eindhoven")
        .camundaCandidateGroups("debt-counsellors-" + EINDHOVEN).endEvent()
        .done();
    engine.getRepositoryService().createDeployment().addModelInstance("authz-check.bpmn", model).deploy();
    instanceId = runtime.startProcessInstanceByKey("authz-check").getId();
  }

  @AfterEach
  void close() {
    identity.clearAuthentication();
    engine.close();
  }

  @Test
  void counsellors_seeAndCompleteOnlyTheirOwnMunicipalitysTasks() {
    as("denhaag");
    List<Task> visible = tasks.createTaskQuery().list();
    assertThat(visible).extracting(Task::getTaskDefinitionKey).containsExactly("Task_DenHaag");
    tasks.claim(visible.get(0).getId(), "denhaag");
    tasks.complete(visible.get(0).getId());

    String eindhovenTask = taskId("Task_Eindhoven");
    as("denhaag");
    assertThatThrownBy(() -> tasks.claim(eindhovenTask, "denhaag")).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> tasks.complete(eindhovenTask)).isInstanceOf(AuthorizationException.class);

    as("eindhoven");
    assertThat(tasks.createTaskQuery().list()).extracting(Task::getTaskDefinitionKey)
        .containsExactly("Task_Eindhoven");
  }

  @Test
  void caseOfficers_seeOnlyTheirGroupsTasks_andMayNotReassignThem() {
    as("officer");
    List<Task> visible = tasks.createTaskQuery().list();
    assertThat(visible).extracting(Task::getTaskDefinitionKey).containsExactly("Task_Officer");
    tasks.claim(visible.get(0).getId(), "officer");
    assertThatThrownBy(() -> tasks.setAssignee(visible.get(0).getId(), "someone-else"))
        .as("TASK_WORK lets a candidate claim and complete, not hand the task to anyone")
        .isInstanceOf(AuthorizationException.class);
    tasks.complete(visible.get(0).getId());
  }

  @Test
  void processOwners_readEverythingInCockpit_andChangeNothing() {
    as("owner");
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(1);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().count()).isEqualTo(1);
    assertThat(runtime.getVariables(instanceId)).isEmpty();
    assertThat(tasks.createTaskQuery().count()).as("they see the tasks of the instances they follow").isEqualTo(3);
    String task = tasks.createTaskQuery().taskDefinitionKey("Task_Officer").singleResult().getId();

    assertThatThrownBy(() -> tasks.claim(task, "owner")).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> tasks.complete(task)).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> runtime.setVariable(instanceId, "x", 1)).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> runtime.suspendProcessInstanceById(instanceId))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> runtime.deleteProcessInstance(instanceId, "owner tries"))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("authz-check"))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> engine.getRepositoryService().createDeployment()
        .addModelInstance("x.bpmn", Bpmn.createExecutableProcess("x").camundaHistoryTimeToLive(1).startEvent()
            .endEvent().done()).deploy()).isInstanceOf(AuthorizationException.class);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(1);
  }

  @Test
  void applications_eachGroupReachesOnlyItsWebapps() {
    assertThat(access("owner", StaffGroups.PROCESS_OWNERS)).containsExactly("cockpit");
    assertThat(access("officer", StaffGroups.CASE_OFFICERS)).containsExactly("tasklist");
    assertThat(access("denhaag", "debt-counsellors-" + DEN_HAAG)).containsExactly("tasklist");
    assertThat(access("admin", Groups.CAMUNDA_ADMIN)).containsExactly("cockpit", "tasklist", "admin");
    assertThat(access("outsider", null)).isEmpty();
  }

  @Test
  void outsiders_seeNothing() {
    as("outsider");
    assertThat(tasks.createTaskQuery().count()).isZero();
    assertThat(runtime.createProcessInstanceQuery().count()).isZero();
  }

  @Test
  void administrators_administer() {
    as("admin");
    assertThat(tasks.createTaskQuery().count()).isEqualTo(3);
    tasks.setAssignee(taskId("Task_Officer"), "officer");
    runtime.deleteProcessInstance(instanceId, "administrator removes a test instance");
    assertThat(runtime.createProcessInstanceQuery().count()).isZero();
  }

  @Test
  void apply_again_changesNothing_andNewCounsellorGroupsGetTheirGrants() {
    StaffAuthorizations staff = new StaffAuthorizations(authorizations, identity);
    assertThat(staff.apply(List.of(DEN_HAAG, EINDHOVEN))).isZero();
    var group = identity.newGroup("debt-counsellors-00000001999990003000");
    identity.saveGroup(group);
    assertThat(staff.apply(List.of())).isEqualTo(3);
    assertThat(authorizations.isUserAuthorized("x", List.of("debt-counsellors-00000001999990003000"),
        Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isTrue();
  }

  private List<String> access(String user, String group) {
    return List.of("cockpit", "tasklist", "admin").stream()
        .filter(app -> authorizations.isUserAuthorized(user, group == null ? List.of() : List.of(group),
            Permissions.ACCESS, Resources.APPLICATION, app))
        .toList();
  }

  private String taskId(String key) {
    identity.clearAuthentication();
    return tasks.createTaskQuery().taskDefinitionKey(key).singleResult().getId();
  }

  private void as(String userId) {
    identity.clearAuthentication();
    identity.setAuthentication(userId, identity.createGroupQuery().groupMember(userId).list().stream()
        .map(g -> g.getId()).toList());
  }

  private void user(String id, String group) {
    User user = identity.newUser(id);
    user.setPassword("test-only-" + id);
    identity.saveUser(user);
    if (group != null) {
      if (identity.createGroupQuery().groupId(group).count() == 0) {
        identity.saveGroup(identity.newGroup(group));
      }
      identity.createMembership(id, group);
    }
  }
}
