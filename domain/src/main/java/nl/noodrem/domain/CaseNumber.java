package nl.noodrem.domain;

import java.util.regex.Pattern;

/**
 * A CJIB case reference (zaaknummer / beschikkingsnummer) as the collection system knows it.
 *
 * <p>CJIB's references differ per kind of sanction (a Wahv decision number has 16 digits, criminal
 * cases carry letters), so the rule is deliberately structural: 6 to 32 characters, upper-case
 * letters, digits and single hyphens, starting and ending with a letter or digit.
 */
public record CaseNumber(String value) {

  private static final Pattern FORMAT = Pattern.compile("[A-Z0-9](?:[A-Z0-9]|-(?=[A-Z0-9])){5,31}");

  public CaseNumber {
    if (value == null) {
      throw new InvalidValueException("case number", "is missing");
    }
    if (!FORMAT.matcher(value).matches()) {
      throw new InvalidValueException(
          "case number", "must be 6 to 32 characters of A-Z, 0-9 and single inner hyphens");
    }
  }

  public static CaseNumber of(String value) {
    return new CaseNumber(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
