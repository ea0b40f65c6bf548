package nl.noodrem.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount in euros, held as whole euro cents so that sums never drift. Never negative: fines,
 * surcharges and debts are amounts owed, and a refund is a different event.
 */
public record Money(long cents) implements Comparable<Money> {

  public static final Money ZERO = new Money(0);

  public Money {
    if (cents < 0) {
      throw new InvalidValueException("amount", "cannot be negative");
    }
  }

  public static Money ofCents(long cents) {
    return new Money(cents);
  }

  /**
   * Parses a plain decimal euro amount such as {@code 123.45} or {@code 90}.
   *
   * @throws InvalidValueException for more than two decimals, a negative value or non-numbers
   */
  public static Money ofEuros(String euros) {
    if (euros == null || euros.isBlank()) {
      throw new InvalidValueException("amount", "is missing");
    }
    try {
      BigDecimal value = new BigDecimal(euros.trim());
      if (value.scale() > 2) {
        throw new InvalidValueException("amount", "has more than two decimals");
      }
      return new Money(value.movePointRight(2).longValueExact());
    } catch (NumberFormatException | ArithmeticException e) {
      throw new InvalidValueException("amount", "is not a euro amount");
    }
  }

  public Money plus(Money other) {
    return new Money(Math.addExact(cents, other.cents));
  }

  /** @throws InvalidValueException when the result would be negative */
  public Money minus(Money other) {
    return new Money(Math.subtractExact(cents, other.cents));
  }

  /** Multiplies by a whole factor, e.g. the Wahv second reminder makes the total three times the fine. */
  public Money times(int factor) {
    if (factor < 0) {
      throw new InvalidValueException("factor", "cannot be negative");
    }
    return new Money(Math.multiplyExact(cents, factor));
  }

  /** Percentage of this amount, rounded half-up to the cent (the first Wahv reminder adds 50%). */
  public Money percent(int percent) {
    if (percent < 0) {
      throw new InvalidValueException("percent", "cannot be negative");
    }
    return new Money(BigDecimal.valueOf(cents).multiply(BigDecimal.valueOf(percent))
        .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact());
  }

  public BigDecimal euros() {
    return BigDecimal.valueOf(cents, 2);
  }

  @Override
  public int compareTo(Money o) {
    return Long.compare(cents, o.cents);
  }

  /** Dutch notation, e.g. {@code € 1.234,56}. */
  public String toDutch() {
    long whole = cents / 100;
    String grouped = String.format(java.util.Locale.ROOT, "%,d", whole).replace(',', '.');
    return String.format(java.util.Locale.ROOT, "€ %s,%02d", grouped, cents % 100);
  }

  @Override
  public String toString() {
    return "EUR " + euros().toPlainString();
  }
}
