package nl.noodrem.processes.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;

import java.time.LocalDate;
import nl.noodrem.camel.api.HoldAcknowledgement;
import nl.noodrem.camel.api.HoldCommand;
import nl.noodrem.camel.api.LiftCommand;
import nl.noodrem.domain.event.HoldLifted;
import nl.noodrem.processes.ProcessKeys;
import nl.noodrem.processes.support.Fixture;
import nl.noodrem.processes.support.TestEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/**
 * A brake started on the previous model version (versionTag 1, kept under test resources as it was released) is
 * moved to the current one with Camunda's migration API while it waits for a proof, and then follows the current
 * rules. The rules for future model changes: docs/adr/0012-changing-models-under-running-brakes.md.
 */
class BrakeMigrationTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder()
      .useProcessEngine(TestEngine.plainConfiguration().buildProcessEngine()).build();

  private Fixture f;
  private BrakeTestSupport brake;
  private ProcessEngine engine;

  @BeforeEach
  void setUp(ProcessEngine engine) {
    this.engine = engine;
    BpmnAwareTests.init(engine);
    f = new Fixture(engine);
    brake = new BrakeTestSupport(f);
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    engine.getRepositoryService().createDeploymentQuery().list()
        .forEach(d -> engine.getRepositoryService().deleteDeployment(d.getId(), true, true));
  }

  @Test
  void migrate_brakeWaitingForProofOnVersionOne_followsTheCurrentRulesAfterwards() throws Exception {
    ProcessDefinition v1 = deploy("migration/emergency-brake-v1.xml");
    ProcessInstance instance = brake.brakeWaitingForProof();
    assertThat(instance.getProcessDefinitionId()).isEqualTo(v1.getId());
    ProcessDefinition v2 = deploy("bpmn/emergency-brake.bpmn");
    assertThat(v1.getVersionTag()).isEqualTo("1");
    assertThat(v2.getVersionTag()).isEqualTo("2");

    MigrationPlan plan = engine.getRuntimeService().createMigrationPlan(v1.getId(), v2.getId())
        .mapEqualActivities().updateEventTriggers().build();
    engine.getRuntimeService().newMigration(plan).processInstanceIds(instance.getId()).execute();

    ProcessInstance migrated = brake.instance(instance.getBusinessKey());
    assertThat(migrated.getProcessDefinitionId()).isEqualTo(v2.getId());
    assertThat(migrated).isWaitingAt("Gateway_ProofOrFirstHoldEnd");
    var timer = engine.getManagementService().createJobQuery().processInstanceId(migrated.getId())
        .activityId("Event_FirstHoldEnded").singleResult();
    assertThat(timer.getDuedate().toInstant()).isEqualTo(java.time.Instant.parse("2026-05-14T22:00:00Z"));

    brake.presentValidProof();
    f.runDueJobs();
    brake.acknowledge(migrated, "Task_AwaitExtensionAck", HoldAcknowledgement.Action.HOLD);

    ArgumentCaptor<HoldCommand> holds = ArgumentCaptor.forClass(HoldCommand.class);
    verify(f.collectionSystem, atLeastOnce()).sendHold(holds.capture());
    assertThat(holds.getValue().period().end()).isEqualTo(LocalDate.of(2027, 1, 15));
    assertThat(migrated).isWaitingAt("Gateway_HoldEndRevocationOrRenewal").variables()
        .containsEntry("holdAuthority", "RULES");

    // the current version's built-in end listener lifts a cancelled brake
    engine.getRuntimeService().deleteProcessInstance(migrated.getId(), "cancelled", true);
    ArgumentCaptor<LiftCommand> lift = ArgumentCaptor.forClass(LiftCommand.class);
    verify(f.collectionSystem).sendLift(lift.capture());
    assertThat(lift.getValue().reason()).isEqualTo(HoldLifted.Reason.BRAKE_CANCELLED);
    assertThat(f.brakes.activeBrake(f.citizenRef())).isEmpty();
  }

  /**
   * Deploys a model with the DMN. The released versions are kept as {@code .xml}, so the Spring tests' classpath
   * scan for {@code *.bpmn} does not deploy them next to the current model.
   */
  private ProcessDefinition deploy(String bpmn) {
    var deployment = engine.getRepositoryService().createDeployment()
        .addInputStream("emergency-brake.bpmn", getClass().getClassLoader().getResourceAsStream(bpmn))
        .addClasspathResource("dmn/hold-decision.dmn").deploy();
    return engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deployment.getId())
        .processDefinitionKey(ProcessKeys.EMERGENCY_BRAKE).singleResult();
  }
}
