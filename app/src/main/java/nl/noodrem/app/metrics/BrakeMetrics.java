package nl.noodrem.app.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import nl.noodrem.processes.ProcessKeys;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What a process owner watches, as metrics (Prometheus at /actuator/prometheus): brakes by state, ended brakes,
 * open incidents per process. Counted from the engine on a schedule, not per scrape, so a busy scraper cannot load
 * the database.
 *
 * <ul>
 *   <li>{@code noodrem_brakes{state="placing_hold"}} — waiting for the collection system to confirm a hold
 *   <li>{@code noodrem_brakes{state="waiting_for_proof"}} — first hold in place, proof of debt help expected
 *   <li>{@code noodrem_brakes{state="in_review"}} — a case officer reviews the hold decision
 *   <li>{@code noodrem_brakes{state="held"}} — extended hold in force
 *   <li>{@code noodrem_brakes{state="grace_period"}} — credential revoked, hold ends after the grace period
 *   <li>{@code noodrem_brakes{state="running"}} — all running brakes
 *   <li>{@code noodrem_brakes_ended} — brakes that ended (within the history's time to live)
 *   <li>{@code noodrem_incidents{process="..."}} — open incidents: where a person must act
 * </ul>
 */
@Component
public class BrakeMetrics {

  private static final Logger LOG = LoggerFactory.getLogger(BrakeMetrics.class);
  private static final String[] PROCESSES = {ProcessKeys.EMERGENCY_BRAKE, ProcessKeys.CREDENTIAL_ISSUANCE,
      ProcessKeys.CREDENTIAL_REVOCATION, ProcessKeys.ISSUER_ONBOARDING};

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final HistoryService history;
  private final JdbcTemplate jdbc;
  private final Map<String, AtomicLong> states = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> incidents = new ConcurrentHashMap<>();
  private final AtomicLong ended = new AtomicLong();

  public BrakeMetrics(RuntimeService runtime, TaskService tasks, HistoryService history, JdbcTemplate jdbc,
      MeterRegistry registry) {
    this.runtime = runtime;
    this.jdbc = jdbc;
    this.tasks = tasks;
    this.history = history;
    for (String state : new String[] {"running", "placing_hold", "waiting_for_proof", "in_review", "held",
        "grace_period"}) {
      AtomicLong value = states.computeIfAbsent(state, s -> new AtomicLong());
      Gauge.builder("noodrem.brakes", value, AtomicLong::get).tag("state", state)
          .description("Running emergency brakes by state").register(registry);
    }
    Gauge.builder("noodrem.brakes.ended", ended, AtomicLong::get)
        .description("Emergency brakes that ended (within the history time-to-live)").register(registry);
    for (String process : PROCESSES) {
      AtomicLong value = incidents.computeIfAbsent(process, p -> new AtomicLong());
      Gauge.builder("noodrem.incidents", value, AtomicLong::get).tag("process", process)
          .description("Open incidents: steps that failed after their last retry").register(registry);
    }
  }

  /** The current counts, as the metrics show them. */
  public Map<String, Long> snapshot() {
    Map<String, Long> out = new java.util.TreeMap<>();
    states.forEach((k, v) -> out.put(k, v.get()));
    out.put("ended", ended.get());
    incidents.forEach((k, v) -> out.put("incidents." + k, v.get()));
    return out;
  }

  @Scheduled(fixedDelayString = "${noodrem.metrics.refresh:PT30S}", initialDelayString = "PT5S")
  public void refresh() {
    try {
      String brake = ProcessKeys.EMERGENCY_BRAKE;
      states.get("running").set(runtime.createProcessInstanceQuery().processDefinitionKey(brake).count());
      states.get("placing_hold").set(waitingFor(ProcessKeys.MSG_HOLD_ACKNOWLEDGED));
      states.get("waiting_for_proof").set(waitingFor(ProcessKeys.MSG_PROOF_PRESENTED));
      states.get("held").set(waitingFor(ProcessKeys.MSG_PROOF_RENEWED));
      states.get("in_review").set(tasks.createTaskQuery().processDefinitionKey(brake)
          .taskDefinitionKey("Task_ReviewHoldDecision").count());
      states.get("grace_period").set(runtime.createProcessInstanceQuery().processDefinitionKey(brake)
          .activityIdIn("Event_GracePeriodOver").count());
      ended.set(history.createHistoricProcessInstanceQuery().processDefinitionKey(brake).finished().count());
      for (String process : PROCESSES) {
        incidents.get(process).set(runtime.createIncidentQuery().processDefinitionKeyIn(process).count());
      }
      LOG.debug("brake metrics refreshed: {}", snapshot());
    } catch (RuntimeException e) {
      LOG.warn("brake metrics not refreshed: {}", e.getMessage());
    }
  }

  /**
   * Instances waiting for a message. The message names are the brake's own, so counting subscriptions suffices;
   * one aggregate query instead of one query per instance (there may be a hundred thousand brakes).
   */
  private long waitingFor(String message) {
    Long n = jdbc.queryForObject("SELECT COUNT(DISTINCT PROC_INST_ID_) FROM ACT_RU_EVENT_SUBSCR"
        + " WHERE EVENT_TYPE_ = 'message' AND EVENT_NAME_ = ?", Long.class, message);
    return n == null ? 0 : n;
  }
}
