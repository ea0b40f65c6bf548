package nl.noodrem.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The period during which CJIB holds collection (uitstel): no surcharges, no reminders, no bailiff. It keeps the
 * rules of the brake on length, whatever a caller passes (the rule table: {@code processes/README.md}).
 *
 * <p>{@code start} is the first held day (for a brake: the day it was pulled) and {@code end} the first day
 * collection may resume (exclusive), so consecutive periods meet without overlap.
 *
 * <ul>
 *   <li>first hold: {@value #FIRST_HOLD_MONTHS} months (noodstopprocedure);
 *   <li>an extension adds {@value #EXTENSION_MONTHS} months <em>to the old end</em>, never to the day it happens
 *       to be decided;
 *   <li>by the rules alone a brake holds at most {@value #STANDARD_MAX_MONTHS} months from its start (4 + 8); an
 *       extension that would reach further is cut at that ceiling;
 *   <li>a case officer may go up to {@value #CASE_OFFICER_MAX_MONTHS} months from the start (the length of an
 *       MSNP or WSNP settlement); no period is ever longer, so a period that is refuses to exist.
 * </ul>
 */
public record HoldPeriod(LocalDate start, LocalDate end) {

  public static final int FIRST_HOLD_MONTHS = 4;
  public static final int EXTENSION_MONTHS = 8;
  /** Longest hold the rules grant without a person: the noodstop's 4 + 8 months. */
  public static final int STANDARD_MAX_MONTHS = 12;
  /** Longest hold at all, only on a case officer's decision: an MSNP/WSNP settlement lasts 18 months. */
  public static final int CASE_OFFICER_MAX_MONTHS = 18;

  public HoldPeriod {
    if (start == null || end == null) {
      throw new InvalidValueException("hold period", "needs a start and an end date");
    }
    if (!end.isAfter(start)) {
      throw new InvalidValueException("hold period", "must end after it starts");
    }
    if (end.isAfter(start.plusMonths(CASE_OFFICER_MAX_MONTHS))) {
      throw new InvalidValueException("hold period", "cannot exceed " + CASE_OFFICER_MAX_MONTHS + " months");
    }
  }

  /** The first hold when a citizen pulls the brake on {@code day}. */
  public static HoldPeriod firstHold(LocalDate day) {
    return ofMonths(day, FIRST_HOLD_MONTHS);
  }

  /**
   * A period of {@code months} from {@code start}, within what the rules alone grant.
   *
   * @throws InvalidValueException for less than one month or more than {@value #STANDARD_MAX_MONTHS}
   */
  public static HoldPeriod ofMonths(LocalDate start, int months) {
    if (months <= 0) {
      throw new InvalidValueException("hold period", "must last at least one month");
    }
    if (months > STANDARD_MAX_MONTHS) {
      throw new InvalidValueException("hold period", "the rules grant at most " + STANDARD_MAX_MONTHS + " months");
    }
    return new HoldPeriod(start, start.plusMonths(months));
  }

  /** The latest end {@code authority} may give this period: 12 or 18 months after its start. */
  public LocalDate ceiling(HoldAuthority authority) {
    return start.plusMonths(authority == HoldAuthority.CASE_OFFICER ? CASE_OFFICER_MAX_MONTHS : STANDARD_MAX_MONTHS);
  }

  /** Extended by the rules alone: {@link #extendedBy(int, HoldAuthority)} with {@link HoldAuthority#RULES}. */
  public HoldPeriod extendedBy(int months) {
    return extendedBy(months, HoldAuthority.RULES);
  }

  /**
   * This period with {@code months} added to its current end (the start stays), cut at the ceiling of
   * {@code authority}. A period already at or past that ceiling comes back unchanged: an extension never shortens.
   *
   * @throws InvalidValueException for less than one month
   */
  public HoldPeriod extendedBy(int months, HoldAuthority authority) {
    if (months <= 0) {
      throw new InvalidValueException("extension", "must be at least one month");
    }
    LocalDate wanted = end.plusMonths(months);
    LocalDate ceiling = ceiling(authority);
    LocalDate newEnd = wanted.isAfter(ceiling) ? ceiling : wanted;
    return newEnd.isAfter(end) ? new HoldPeriod(start, newEnd) : this;
  }

  /** True when an extension by {@code months} would be cut at the ceiling of {@code authority}. */
  public boolean extensionIsCut(int months, HoldAuthority authority) {
    return end.plusMonths(months).isAfter(ceiling(authority));
  }

  /**
   * This period with its end set to {@code newEnd} (a correction; earlier or later), within what
   * {@code authority} may grant.
   *
   * @throws InvalidValueException when {@code newEnd} is not after the start or beyond the ceiling
   */
  public HoldPeriod endingOn(LocalDate newEnd, HoldAuthority authority) {
    if (newEnd == null) {
      throw new InvalidValueException("hold end", "needs a date");
    }
    if (newEnd.isAfter(ceiling(authority))) {
      throw new InvalidValueException("hold end", "may be at most " + ceiling(authority) + " ("
          + (authority == HoldAuthority.CASE_OFFICER ? CASE_OFFICER_MAX_MONTHS : STANDARD_MAX_MONTHS)
          + " months from the start)");
    }
    return new HoldPeriod(start, newEnd);
  }

  /** True when collection is held on {@code day}. */
  public boolean covers(LocalDate day) {
    return !day.isBefore(start) && day.isBefore(end);
  }

  public long days() {
    return ChronoUnit.DAYS.between(start, end);
  }
}
