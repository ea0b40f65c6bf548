package nl.noodrem.domain;

import java.util.regex.Pattern;

/**
 * A keyed pseudonym of a citizen: what process variables, business keys, logs and Cockpit carry
 * instead of the BSN. Made by {@link BsnPseudonymizer}; the same BSN with the same key always gives
 * the same reference, and without the key it cannot be turned back.
 */
public record CitizenRef(String value) {

  private static final Pattern FORMAT = Pattern.compile("cz-[0-9a-f]{32}");

  public CitizenRef {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new InvalidValueException("citizen reference", "must look like cz- followed by 32 hex digits");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
