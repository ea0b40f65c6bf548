package nl.noodrem.domain;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/**
 * A Dutch citizen service number (burgerservicenummer): nine digits passing the 11-proof.
 *
 * <p>A valid checksum does not mean the person exists. {@link #toString()} never prints the number in
 * full, so a {@code Bsn} that slips into a log line or an exception message does not leak it; code
 * that really needs the digits calls {@link #digits()} on purpose.
 */
public final class Bsn {

  private static final int[] WEIGHTS = {9, 8, 7, 6, 5, 4, 3, 2, -1};

  private final String digits;

  private Bsn(String digits) {
    this.digits = digits;
  }

  /**
   * @throws InvalidValueException when the text is not nine digits or fails the 11-proof; the message
   *     never repeats the input
   */
  public static Bsn of(String text) {
    if (text == null) {
      throw new InvalidValueException("BSN", "is missing");
    }
    if (text.length() != 9) {
      throw new InvalidValueException("BSN", "must be exactly 9 digits, got " + text.length() + " characters");
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new InvalidValueException("BSN", "must contain digits only");
      }
      sum += WEIGHTS[i] * (c - '0');
    }
    if (sum % 11 != 0) {
      throw new InvalidValueException("BSN", "fails the 11-proof");
    }
    if (text.equals("000000000")) {
      throw new InvalidValueException("BSN", "cannot be all zeros");
    }
    return new Bsn(text);
  }

  /** True when {@code text} is a well-formed BSN; never throws. */
  public static boolean isValid(String text) {
    try {
      of(text);
      return true;
    } catch (InvalidValueException e) {
      return false;
    }
  }

  /** The nine digits. Handle with care: this is personal data. */
  public String digits() {
    return digits;
  }

  @Override
  public boolean equals(Object o) {
    // constant-time so that comparing a claimed BSN with an authenticated one leaks no prefix timing
    return o instanceof Bsn other
        && MessageDigest.isEqual(
            digits.getBytes(StandardCharsets.US_ASCII), other.digits.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public int hashCode() {
    return digits.hashCode();
  }

  /** Masked: only the last two digits, e.g. {@code Bsn[*******82]}. */
  @Override
  public String toString() {
    return "Bsn[*******" + digits.substring(7) + "]";
  }
}
