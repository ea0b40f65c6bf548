package nl.noodrem.processes.guard;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one variable a task completion may write must look like. A rule never demands a value: whether a field is
 * required depends on the decision (a change needs months, an approval does not), which the task's own listener
 * checks. A rule only bounds what may arrive.
 */
public sealed interface InputRule {

  /**
   * @param value the written value (already read from the engine, never deserialized from an object stream)
   * @return a staff-readable problem, Dutch first then English; empty when the value is acceptable
   */
  Optional<String> problem(Object value);

  /** One of a fixed set of codes (a form's enum field). */
  record OneOf(Set<String> values) implements InputRule {
    public OneOf {
      values = Set.copyOf(values);
    }

    @Override
    public Optional<String> problem(Object value) {
      if (value == null || (value instanceof String s && values.contains(s))) {
        return Optional.empty();
      }
      return Optional.of("moet een van " + new TreeSet<>(values) + " zijn (must be one of these)");
    }
  }

  /** A whole number from {@code min} to {@code max}, both included. */
  record WholeNumber(long min, long max) implements InputRule {
    public WholeNumber {
      if (min > max) {
        throw new IllegalArgumentException("min above max");
      }
    }

    @Override
    public Optional<String> problem(Object value) {
      if (value == null) {
        return Optional.empty();
      }
      if ((value instanceof Long || value instanceof Integer || value instanceof Short)
          && ((Number) value).longValue() >= min && ((Number) value).longValue() <= max) {
        return Optional.empty();
      }
      return Optional.of("moet een geheel getal van " + min + " tot en met " + max + " zijn (must be a whole number from "
          + min + " to " + max + ")");
    }
  }

  /** A calendar day: a date field from Tasklist, or ISO text {@code yyyy-MM-dd} from a REST caller. */
  record Day() implements InputRule {
    @Override
    public Optional<String> problem(Object value) {
      if (value == null || value instanceof Date || value instanceof LocalDate) {
        return Optional.empty();
      }
      if (value instanceof String s) {
        try {
          LocalDate.parse(s);
          return Optional.empty();
        } catch (DateTimeParseException e) {
          // falls through to the problem below
        }
      }
      return Optional.of("moet een datum (jjjj-mm-dd) zijn (must be a date, yyyy-mm-dd)");
    }
  }

  /** Free text of at most {@code maxLength} characters. */
  record Text(int maxLength) implements InputRule {
    @Override
    public Optional<String> problem(Object value) {
      if (value == null || (value instanceof String s && s.length() <= maxLength)) {
        return Optional.empty();
      }
      return Optional.of("moet tekst van hoogstens " + maxLength + " tekens zijn (must be text of at most " + maxLength
          + " characters)");
    }
  }
}
