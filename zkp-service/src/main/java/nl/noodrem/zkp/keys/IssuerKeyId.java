package nl.noodrem.zkp.keys;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.noodrem.domain.Oin;
import nl.noodrem.zkp.MalformedInputException;

/**
 * An issuer key id, {@code <20-digit OIN>-k<n>} with n = 1, 2, ... counting the issuer's keys (rotation gives the
 * next n), e.g. {@code 00000001002220647000-k1}. At most 32 ASCII characters, so it fits the chain's bytes32.
 */
public record IssuerKeyId(String value) {

  private static final Pattern FORMAT = Pattern.compile("(\\d{20})-k([1-9]\\d{0,9})");
  public static final int MAX_LENGTH = 32;

  /** @throws IllegalArgumentException if the text is not a key id (use {@link #parse} for untrusted input) */
  public IssuerKeyId {
    Objects.requireNonNull(value, "value");
    Matcher m = FORMAT.matcher(value);
    if (!m.matches() || Long.parseLong(m.group(2)) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("key id must look like <20-digit OIN>-k<n>");
    }
  }

  public static IssuerKeyId parse(String text) throws MalformedInputException {
    try {
      return new IssuerKeyId(text);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new MalformedInputException("key id must look like <20-digit OIN>-k<n>");
    }
  }

  public static Optional<IssuerKeyId> tryParse(String text) {
    try {
      return Optional.of(new IssuerKeyId(text));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }

  public static IssuerKeyId first(Oin issuer) {
    return of(issuer, 1);
  }

  public static IssuerKeyId of(Oin issuer, int sequence) {
    return new IssuerKeyId(issuer.value() + "-k" + sequence);
  }

  public Oin issuerOin() {
    return Oin.of(value.substring(0, 20));
  }

  public int sequence() {
    return Integer.parseInt(value.substring(22));
  }

  /** The id the next rotation gets. */
  public IssuerKeyId next() {
    return of(issuerOin(), sequence() + 1);
  }

  @Override
  public String toString() {
    return value;
  }
}
