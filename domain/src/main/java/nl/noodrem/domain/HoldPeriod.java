package nl.noodrem.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The period during which CJIB holds collection (uitstel): no surcharges, no reminders, no bailiff.
 *
 * <p>{@code start} is the first held day and {@code end} the first day collection may resume
 * (exclusive), so consecutive periods meet without overlap. The noodstop procedure gives a first hold
 * of {@value #FIRST_HOLD_MONTHS} months and an extension of {@value #EXTENSION_MONTHS} months on proof
 * of debt help.
 */
public record HoldPeriod(LocalDate start, LocalDate end) {

  public static final int FIRST_HOLD_MONTHS = 4;
  public static final int EXTENSION_MONTHS = 8;
  /** Longest hold CJIB grants in one go (a counsellor's request: 12 months). */
  public static final int MAX_MONTHS = 24;

  public HoldPeriod {
    if (start == null || end == null) {
      throw new InvalidValueException("hold period", "needs a start and an end date");
    }
    if (!end.isAfter(start)) {
      throw new InvalidValueException("hold period", "must end after it starts");
    }
    if (end.isAfter(start.plusMonths(MAX_MONTHS))) {
      throw new InvalidValueException("hold period", "cannot exceed " + MAX_MONTHS + " months");
    }
  }

  /** The first hold when a citizen pulls the brake on {@code day}. */
  public static HoldPeriod firstHold(LocalDate day) {
    return ofMonths(day, FIRST_HOLD_MONTHS);
  }

  public static HoldPeriod ofMonths(LocalDate start, int months) {
    if (months <= 0) {
      throw new InvalidValueException("hold period", "must last at least one month");
    }
    return new HoldPeriod(start, start.plusMonths(months));
  }

  /** This period with its end moved {@code months} later; the start stays. */
  public HoldPeriod extendedBy(int months) {
    if (months <= 0) {
      throw new InvalidValueException("extension", "must be at least one month");
    }
    return new HoldPeriod(start, end.plusMonths(months));
  }

  /** True when collection is held on {@code day}. */
  public boolean covers(LocalDate day) {
    return !day.isBefore(start) && day.isBefore(end);
  }

  public long days() {
    return ChronoUnit.DAYS.between(start, end);
  }
}
