package nl.noodrem.processes.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import nl.noodrem.domain.HoldAuthority;
import nl.noodrem.domain.HoldPeriod;
import nl.noodrem.domain.InvalidValueException;
import nl.noodrem.domain.event.HoldLifted;
import nl.noodrem.processes.ProcessKeys;
import nl.noodrem.processes.port.AuditAction;
import nl.noodrem.processes.port.AuditLog;
import nl.noodrem.processes.port.AuditRecord;
import nl.noodrem.processes.support.Vars;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;

/**
 * What CJIB staff may do to a running brake, through its model: end it now (the lift is sent, for a reason the
 * citizen is told), or correct the hold's end date within the rules (a case officer's authority: at most 18 months
 * from the first held day). Every request names its member of staff and a reason, and is audited. A request the
 * rules do not allow is refused with {@link StaffRequestRefused} and changes nothing.
 */
public class BrakeStaffService {

  /** The reasons staff may end a brake for. */
  public static final Set<HoldLifted.Reason> STAFF_REASONS = Set.of(HoldLifted.Reason.ENDED_BY_STAFF,
      HoldLifted.Reason.CITIZEN_WITHDREW, HoldLifted.Reason.CASES_PAID);

  private final RuntimeService runtime;
  private final BrakeSteps steps;
  private final AuditLog audit;
  private final Clock clock;

  public BrakeStaffService(RuntimeService runtime, BrakeSteps steps, AuditLog audit, Clock clock) {
    this.runtime = runtime;
    this.steps = steps;
    this.audit = audit;
    this.clock = clock;
  }

  /** A staff request the rules or the brake's state do not allow; the message says why (English, for staff). */
  public static class StaffRequestRefused extends RuntimeException {
    public StaffRequestRefused(String message) {
      super(message);
    }
  }

  /**
   * Ends the brake now: cases still held are lifted for {@code reason} and the citizen is told.
   *
   * @throws StaffRequestRefused for an unknown or ended brake, a lift already under way, a reason staff may not
   *     give, or no name or note
   */
  public void endBrake(String brakeRef, HoldLifted.Reason reason, String staffMember, String note) {
    if (!STAFF_REASONS.contains(reason)) {
      throw new StaffRequestRefused("staff may end a brake for " + STAFF_REASONS + ", not " + reason);
    }
    ProcessInstance brake = running(brakeRef, staffMember, note);
    if (Boolean.TRUE.equals(runtime.getVariable(brake.getId(), Vars.LIFT_STARTED))) {
      throw new StaffRequestRefused("brake " + brakeRef + " is already being lifted");
    }
    record(brakeRef, staffMember, "end now (" + reason + "): " + note);
    runtime.createMessageCorrelation(ProcessKeys.MSG_BRAKE_END_REQUESTED)
        .processInstanceId(brake.getId())
        .setVariable(Vars.LIFT_REASON, reason.name())
        .correlate();
  }

  /**
   * Moves the end of the running hold to {@code newEnd} (later or earlier, after today), within a case officer's
   * authority; the collection system gets the new period and the brake's timers follow it.
   *
   * @throws StaffRequestRefused for an unknown or ended brake, no hold in place or a lift under way, a date not after
   *     today or beyond 18 months from the first held day, or no name or note
   */
  public void correctHoldEnd(String brakeRef, LocalDate newEnd, String staffMember, String note) {
    ProcessInstance brake = running(brakeRef, staffMember, note);
    Object holdStart = runtime.getVariable(brake.getId(), Vars.HOLD_START);
    Object holdEnd = runtime.getVariable(brake.getId(), Vars.HOLD_END);
    if (holdStart == null || holdEnd == null
        || Boolean.TRUE.equals(runtime.getVariable(brake.getId(), Vars.LIFT_STARTED))) {
      throw new StaffRequestRefused("brake " + brakeRef + " has no hold in place to correct");
    }
    if (newEnd == null || !newEnd.isAfter(steps.today())) {
      throw new StaffRequestRefused("the new end must be after today; to end the brake now, end it");
    }
    try {
      new HoldPeriod(LocalDate.parse(holdStart.toString()), LocalDate.parse(holdEnd.toString()))
          .endingOn(newEnd, HoldAuthority.CASE_OFFICER);
    } catch (InvalidValueException e) {
      throw new StaffRequestRefused(e.getMessage());
    }
    record(brakeRef, staffMember, "correct the end from " + holdEnd + " to " + newEnd + ": " + note);
    runtime.createMessageCorrelation(ProcessKeys.MSG_HOLD_END_CORRECTION)
        .processInstanceId(brake.getId())
        .setVariablesLocal(Variables.createVariables().putValue(Vars.CORRECTED_HOLD_END, newEnd.toString()))
        .correlate();
  }

  private ProcessInstance running(String brakeRef, String staffMember, String note) {
    if (staffMember == null || staffMember.isBlank() || note == null || note.isBlank()) {
      throw new StaffRequestRefused("a staff request needs the member of staff and a reason");
    }
    ProcessInstance brake = runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.EMERGENCY_BRAKE)
        .processInstanceBusinessKey(Objects.requireNonNull(brakeRef, "brakeRef")).singleResult();
    if (brake == null) {
      throw new StaffRequestRefused("no running brake " + brakeRef);
    }
    return brake;
  }

  private void record(String brakeRef, String staffMember, String detail) {
    audit.record(new AuditRecord(clock.instant(), brakeRef, AuditAction.STAFF_REQUEST, staffMember, detail));
  }
}
