package nl.noodrem.domain;

import java.util.regex.Pattern;

/**
 * A BSN encrypted under the app's sealing key (AES-256-GCM), as text: {@code sb1.<base64url>}. Safe
 * to keep in a process variable or a table; only {@link BsnSealer} with the key turns it back.
 * Two seals of the same BSN differ (random nonce), so sealed values cannot be joined or counted.
 */
public record SealedBsn(String value) {

  private static final Pattern FORMAT = Pattern.compile("sb1\\.[A-Za-z0-9_-]{40,80}");

  public SealedBsn {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new InvalidValueException("sealed BSN", "must look like sb1.<base64url>");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
