package nl.noodrem.domain;

/**
 * An Organisation Identification Number (OIN): the 20-digit identifier of a Dutch government body,
 * e.g. a municipality or CJIB. Public, not personal data.
 */
public record Oin(String value) {

  public Oin {
    if (value == null) {
      throw new InvalidValueException("OIN", "is missing");
    }
    if (value.length() != 20) {
      throw new InvalidValueException("OIN", "must be exactly 20 digits, got " + value.length() + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        throw new InvalidValueException("OIN", "must contain digits only");
      }
    }
  }

  public static Oin of(String value) {
    return new Oin(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
