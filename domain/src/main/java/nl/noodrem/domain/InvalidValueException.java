package nl.noodrem.domain;

/**
 * A value does not satisfy its type's rules. The message names the field and the rule, and never
 * echoes the rejected input (it may be personal data).
 */
public class InvalidValueException extends IllegalArgumentException {

  private final String field;

  public InvalidValueException(String field, String rule) {
    super(field + " " + rule);
    this.field = field;
  }

  /** The name of the rejected field, e.g. {@code BSN}. */
  public String field() {
    return field;
  }
}
