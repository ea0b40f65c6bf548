package nl.noodrem.processes.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import nl.noodrem.processes.config.NoodremProcessProperties;

/**
 * Timer definitions in the BPMN call this bean ({@code ${processTimers...}}), so durations are configuration
 * and dates are turned into instants in one zone, in one place.
 */
public class ProcessTimers {

  private final NoodremProcessProperties properties;
  private final Clock clock;

  public ProcessTimers(NoodremProcessProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  /** Midnight at the start of an ISO date in the configured zone: a hold "until 1 May" ends as 1 May begins. */
  public Date startOfDay(String isoDate) {
    return Date.from(LocalDate.parse(isoDate).atStartOfDay(properties.zone()).toInstant());
  }

  /** When the review of a hold decision is due: some days before the hold ends, never in the past. */
  public Date reviewDue(String holdEnd) {
    Instant due = LocalDate.parse(holdEnd).minus(properties.reviewDueBefore()).atStartOfDay(properties.zone())
        .toInstant();
    Instant now = clock.instant();
    return Date.from(due.isBefore(now) ? now : due);
  }

  /**
   * When an open review is decided by the rules instead: {@code review-escalation-before} ahead of the hold's end, or
   * now when that moment has passed (a review that starts late must not wait longer).
   */
  public Date reviewEscalation(String holdEnd) {
    Instant due = LocalDate.parse(holdEnd).minus(properties.reviewEscalationBefore()).atStartOfDay(properties.zone())
        .toInstant();
    Instant now = clock.instant();
    return Date.from(due.isBefore(now) ? now : due);
  }

  /**
   * When the brake checks once whether the municipality is still deciding (R8): {@code review-escalation-before}
   * ahead of the first hold's end (now if that passed); after the check, a day past the end, so the end comes
   * first and the check is not repeated.
   */
  public Date leniencyCheck(String holdEnd, boolean checked) {
    LocalDate end = LocalDate.parse(holdEnd);
    if (checked) {
      return Date.from(end.plusDays(1).atStartOfDay(properties.zone()).toInstant());
    }
    Instant due = end.minus(properties.reviewEscalationBefore()).atStartOfDay(properties.zone()).toInstant();
    Instant now = clock.instant();
    return Date.from(due.isBefore(now) ? now : due);
  }

  /** When the citizen is reminded that the hold ending on {@code holdEnd} ends soon; now if that has passed. */
  public Date reminder(String holdEnd) {
    Instant due = LocalDate.parse(holdEnd).minus(properties.reminderBefore()).atStartOfDay(properties.zone())
        .toInstant();
    Instant now = clock.instant();
    return Date.from(due.isBefore(now) ? now : due);
  }

  /** ISO 8601 duration after which a missing collection-system acknowledgement gets a person's attention. */
  public String acknowledgementOverdue() {
    return properties.acknowledgementOverdue().toString();
  }

  /** ISO 8601 period an approved credential waits for pickup. */
  public String pickupWindow() {
    return properties.pickupWindow().toString();
  }
}
