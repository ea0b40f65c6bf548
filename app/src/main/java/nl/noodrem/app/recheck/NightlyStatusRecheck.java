package nl.noodrem.app.recheck;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.noodrem.app.recheck.StatusListRecheck.ActiveHold;
import nl.noodrem.camel.api.DeliveryException;
import nl.noodrem.camel.api.ProcessGateway;
import nl.noodrem.domain.event.CredentialStatusChanged;
import nl.noodrem.ledger.Ledger;
import nl.noodrem.ledger.LedgerException;
import nl.noodrem.processes.ProcessKeys;
import nl.noodrem.processes.port.StatusSlot;
import nl.noodrem.processes.support.Vars;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The nightly safety net behind the chain's event subscription: a brake that holds and waits for the
 * {@code CredentialRevoked} message learns that its credential was revoked even when the revocation's event never
 * reached it (an outage, a reset checkpoint, a bug).
 *
 * <ol>
 *   <li>Selects the brakes that <em>wait</em> for the message (event subscriptions, a page at a time), with the
 *       status slot of the proof they hold on; brakes without a slot are skipped.
 *   <li>Reads those slots from the chain in bulk ({@link StatusListRecheck}).
 *   <li>Hands each revoked slot to the processes as a {@link CredentialStatusChanged}, exactly as the event path
 *       does, with source id {@code recheck:<list>:<index>}: a second run, or a second node, acts once. Because only
 *       waiting brakes were selected, the gateway correlates the message; a brake that moved on meanwhile is
 *       flagged as the gateway always does.
 * </ol>
 *
 * <p>One node of a cluster runs it on its schedule ({@link RecheckProperties#enabled()}). It never throws out of
 * the schedule: a chain that cannot be read is a warning, and the next night tries again. It logs one summary line
 * of counts (no citizen data) and counts {@code noodrem_recheck_revocations_total} and times
 * {@code noodrem_recheck_seconds{outcome}}.
 */
@Component
public class NightlyStatusRecheck {

  private static final Logger LOG = LoggerFactory.getLogger(NightlyStatusRecheck.class);

  /**
   * What a run did.
   *
   * @param waiting brakes waiting for a revocation message
   * @param skipped of those, brakes without a status slot (not checked)
   * @param checked holds checked on chain
   * @param chainCalls {@code eth_call}s the check took
   * @param revoked holds whose slot is revoked on chain
   * @param correlated deliveries a brake took (message correlated, or flagged when it had moved on)
   * @param duplicates deliveries already made by an earlier run (or by another node)
   * @param failed deliveries that failed (tried again next night)
   * @param took how long the run took
   */
  public record Summary(int waiting, int skipped, int checked, int chainCalls, int revoked, int correlated,
      int duplicates, int failed, Duration took) {}

  private final RuntimeService runtime;
  private final Ledger ledger;
  private final ProcessGateway gateway;
  private final RecheckProperties properties;
  private final Clock clock;
  private final StatusListRecheck recheck;
  private final Counter revocations;
  private final MeterRegistry registry;

  public NightlyStatusRecheck(RuntimeService runtime, Ledger ledger, ProcessGateway gateway,
      RecheckProperties properties, Clock clock, MeterRegistry registry) {
    this.runtime = runtime;
    this.ledger = ledger;
    this.gateway = gateway;
    this.properties = properties;
    this.clock = clock;
    this.recheck = new StatusListRecheck(ledger);
    this.registry = registry;
    this.revocations = Counter.builder("noodrem.recheck.revocations")
        .description("Revocations the nightly re-verification handed to waiting brakes").register(registry);
  }

  /** The schedule: on the enabled node only, and never throwing (the scheduler would only log it anyway). */
  @Scheduled(cron = "${noodrem.recheck.cron:0 30 1 * * *}", zone = "Europe/Amsterdam")
  public void nightly() {
    if (!properties.enabled()) {
      return;
    }
    long start = System.nanoTime();
    try {
      run();
    } catch (LedgerException e) {
      time(start, "chain_unavailable");
      LOG.warn("status re-verification: the chain could not be read ({}); next run tries again", e.getMessage());
    } catch (RuntimeException e) {
      time(start, "failed");
      LOG.warn("status re-verification failed; next run tries again", e);
    }
  }

  /**
   * One run, now, whatever the schedule and {@link RecheckProperties#enabled()} say.
   *
   * @throws LedgerException the chain could not be read (nothing was delivered)
   */
  public Summary run() {
    long start = System.nanoTime();
    Selection selection = waitingBrakes();
    long block = ledger.blockNumber();
    StatusListRecheck.Result result = recheck.check(selection.holds());
    // one delivery per slot: the gateway finds every brake held on it
    Set<StatusSlot> slots = new LinkedHashSet<>();
    for (ActiveHold hold : result.revoked()) {
      slots.add(hold.slot());
    }
    int correlated = 0;
    int duplicates = 0;
    int failed = 0;
    for (StatusSlot slot : slots) {
      var event = new CredentialStatusChanged("recheck:" + slot.statusListId() + ":" + slot.statusIndex(),
          clock.instant(), slot.statusListId(), slot.statusIndex(), true, block);
      try {
        switch (gateway.deliver(event)) {
          case CORRELATED, STARTED -> correlated++;
          case DUPLICATE -> duplicates++;
          case NOT_NEEDED -> { }
        }
      } catch (DeliveryException | RuntimeException e) {
        failed++;
        LOG.warn("status re-verification: revoked slot {}/{} not delivered, next run tries again: {}",
            slot.statusListId(), slot.statusIndex(), e.getMessage());
      }
    }
    revocations.increment(correlated);
    Duration took = time(start, failed == 0 ? "ok" : "partly_failed");
    Summary summary = new Summary(selection.waiting(), selection.skipped(), result.checked(), result.chainCalls(),
        result.revoked().size(), correlated, duplicates, failed, took);
    LOG.info("status re-verification at block {}: {} brakes waiting for a revocation, {} without a status slot, "
            + "{} checked in {} eth_call(s), {} revoked, {} handed to their brake, {} already handed, {} failed, "
            + "in {} ms", block, summary.waiting(), summary.skipped(), summary.checked(), summary.chainCalls(),
        summary.revoked(), summary.correlated(), summary.duplicates(), summary.failed(), took.toMillis());
    return summary;
  }

  private record Selection(List<ActiveHold> holds, int waiting, int skipped) {}

  /** The held brakes that wait for {@code CredentialRevoked}, with their slots, read a page at a time. */
  private Selection waitingBrakes() {
    List<ActiveHold> holds = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    int skipped = 0;
    int pageSize = properties.pageSize();
    for (int first = 0; ; first += pageSize) {
      List<EventSubscription> page = runtime.createEventSubscriptionQuery()
          .eventType("message").eventName(ProcessKeys.MSG_CREDENTIAL_REVOKED)
          .orderByCreated().asc()
          .listPage(first, pageSize);
      Set<String> instanceIds = new LinkedHashSet<>();
      for (EventSubscription subscription : page) {
        if (subscription.getProcessInstanceId() != null && seen.add(subscription.getProcessInstanceId())) {
          instanceIds.add(subscription.getProcessInstanceId());
        }
      }
      if (!instanceIds.isEmpty()) {
        Map<String, String> brakes = new LinkedHashMap<>();
        for (ProcessInstance brake : runtime.createProcessInstanceQuery().processInstanceIds(instanceIds)
            .processDefinitionKey(ProcessKeys.EMERGENCY_BRAKE).list()) {
          brakes.put(brake.getId(), brake.getBusinessKey());
        }
        Map<String, Map<String, Long>> slots = slotVariables(brakes.keySet());
        for (Map.Entry<String, String> brake : brakes.entrySet()) {
          Map<String, Long> vars = slots.getOrDefault(brake.getKey(), Map.of());
          Long list = vars.get(Vars.STATUS_LIST_ID);
          Long index = vars.get(Vars.STATUS_INDEX);
          if (list == null || index == null || list < 0 || index < 0) {
            skipped++;
          } else {
            holds.add(new ActiveHold(brake.getValue(), new StatusSlot(list, index)));
          }
        }
      }
      if (page.size() < pageSize) {
        break;
      }
    }
    return new Selection(holds, holds.size() + skipped, skipped);
  }

  /** The process-level slot variables of these instances, in one query. */
  private Map<String, Map<String, Long>> slotVariables(Set<String> instanceIds) {
    Map<String, Map<String, Long>> out = new HashMap<>();
    if (instanceIds.isEmpty()) {
      return out;
    }
    for (VariableInstance variable : runtime.createVariableInstanceQuery()
        .processInstanceIdIn(instanceIds.toArray(String[]::new))
        .variableNameIn(Vars.STATUS_LIST_ID, Vars.STATUS_INDEX)
        .disableCustomObjectDeserialization()
        .list()) {
      // the gateway correlates on the instance's own variables; a local one of the same name is not the slot
      if (variable.getProcessInstanceId().equals(variable.getExecutionId())
          && variable.getValue() instanceof Number number) {
        out.computeIfAbsent(variable.getProcessInstanceId(), k -> new HashMap<>())
            .put(variable.getName(), number.longValue());
      }
    }
    return out;
  }

  private Duration time(long startNanos, String outcome) {
    Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
    Timer.builder("noodrem.recheck").tag("outcome", outcome)
        .description("Nightly re-verification of held brakes against the chain's status lists")
        .register(registry).record(took);
    return took;
  }
}
