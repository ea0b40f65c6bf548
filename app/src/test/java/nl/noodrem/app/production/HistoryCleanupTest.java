package nl.noodrem.app.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * History cleanup as production runs it (removal-time based, removal time = end + TTL, TTL from the processes'
 * plugin at 180 days, in a nightly window): after the TTL the history of an ended brake and of its decision is
 * gone, and nothing else is — not a brake that ended later, not a brake still running (however old), not the
 * deployment, not Noodrem's own audit trail.
 */
class HistoryCleanupTest {

  private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  ProcessEngine engine;
  HistoryService history;
  ManagementService management;
  JdbcTemplate jdbc;

  @BeforeEach
  void engine() {
    ClockUtil.setCurrentTime(Date.from(T0));
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:cleanup-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    SchemaMigrations.migrate(h2);
    jdbc = new JdbcTemplate(h2);
    engine = ProductionEngine.start("cleanup-" + UUID.randomUUID(), h2);
    history = engine.getHistoryService();
    management = engine.getManagementService();
    // a model with a TTL of one day under the brake's key: the processes' plugin must make it 180 days
    engine.getRepositoryService().createDeployment()
        .addModelInstance("emergency-brake.bpmn", Bpmn.createExecutableProcess("emergency-brake")
            .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Wait").endEvent().done())
        .addClasspathResource("dmn/hold-decision.dmn")
        .deploy();
  }

  @AfterEach
  void close() {
    ClockUtil.reset();
    engine.close();
  }

  @Test
  void cleanup_afterTheTimeToLive_removesEndedHistoryAndNothingElse() {
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("emergency-brake")
        .singleResult().getHistoryTimeToLive()).as("the production TTL, not the model's").isEqualTo(180);

    String old = brakeThatEnds("NR-OLD00001");
    decide();
    String running = engine.getRuntimeService().startProcessInstanceByKey("emergency-brake", "NR-RUN00001",
        Map.of("brakeRef", "NR-RUN00001")).getId();
    jdbc.update("INSERT INTO noodrem_audit (at, reference, action, actor, detail) VALUES (?, ?, ?, ?, ?)",
        Timestamp.from(T0), "NR-OLD00001", "BRAKE_PULLED", "citizen", "kept longer than process history");

    ClockUtil.setCurrentTime(Date.from(T0.plus(100, ChronoUnit.DAYS)));
    String recent = brakeThatEnds("NR-NEW00001");
    decide();

    ClockUtil.setCurrentTime(Date.from(T0.plus(181, ChronoUnit.DAYS)));
    Job cleanup = history.cleanUpHistoryAsync(true);
    management.executeJob(cleanup.getId());

    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(old).count()).isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(old).count()).isZero();
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(old).count()).isZero();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(old).count()).isZero();
    assertThat(history.createHistoricDetailQuery().processInstanceId(old).count()).isZero();
    assertThat(history.createHistoricDecisionInstanceQuery().evaluatedBefore(
        Date.from(T0.plus(1, ChronoUnit.DAYS))).count()).as("the old decision").isZero();

    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(recent).count()).isEqualTo(1);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(recent).count()).isEqualTo(1);
    assertThat(history.createHistoricDecisionInstanceQuery().count()).as("the recent decision").isEqualTo(1);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(running).count()).isEqualTo(1);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(running).count()).isEqualTo(1);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(running).count()).isPositive();
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM noodrem_audit", Integer.class)).isEqualTo(1);
  }

  @Test
  void cleanup_isScheduledInsideTheNightlyWindow() {
    Job job = history.findHistoryCleanupJobs().get(0);
    int hour = job.getDuedate().toInstant().atZone(ZoneId.systemDefault()).getHour();
    assertThat(hour).isBetween(1, 4);
  }

  private String brakeThatEnds(String brakeRef) {
    String id = engine.getRuntimeService().startProcessInstanceByKey("emergency-brake", brakeRef,
        Map.of("brakeRef", brakeRef)).getId();
    var task = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult();
    engine.getTaskService().complete(task.getId());
    return id;
  }

  private void decide() {
    Map<String, Object> facts = new java.util.HashMap<>();
    facts.put("assistanceType", "MSNP");
    facts.put("highestStage", "FIRST_REMINDER");
    facts.put("hasCompensationOrder", false);
    facts.put("totalOutstandingCents", 14_500L);
    facts.put("previousBrakes", 0L);
    facts.put("extensionsGranted", 0L);
    facts.put("helpStarted", true);
    facts.put("outstandingReviewThresholdCents", 500_000L);
    facts.put("repeatedBrakesThreshold", 2L);
    facts.put("extensionsWithoutReview", 2L);
    facts.put("defaultExtensionMonths", 8L);
    engine.getDecisionService().evaluateDecisionTableByKey("hold-decision", facts);
  }
}
