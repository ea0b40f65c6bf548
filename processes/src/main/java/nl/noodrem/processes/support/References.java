package nl.noodrem.processes.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Business keys people can read out on the phone: a prefix and 8 Crockford base32 characters (no I, L, O, U, so
 * nothing is misread), 40 random bits. Random, not derived from the citizen: a reference reveals nothing.
 */
public final class References {

  private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  public static final String BRAKE = "NR-";
  public static final String ISSUANCE = "IS-";
  public static final String ONBOARDING = "OB-";
  public static final String REVOCATION = "RV-";

  private References() {}

  public static String newReference(String prefix) {
    byte[] bits = new byte[5];
    RANDOM.nextBytes(bits);
    return prefix + crockford(bits);
  }

  /**
   * A stable, pseudonymous reference for a source record (file + line, message id): the same record always gets
   * the same key, and the key does not repeat whatever the source id contains.
   */
  public static String forSource(String prefix, String sourceId) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(sourceId.getBytes(StandardCharsets.UTF_8));
      byte[] first = new byte[10];
      System.arraycopy(digest, 0, first, 0, first.length);
      return prefix + crockford(first);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  /** Base32 of whole 5-byte groups: each group gives 8 characters. */
  static String crockford(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (int group = 0; group + 5 <= bytes.length; group += 5) {
      long value = 0;
      for (int i = 0; i < 5; i++) {
        value = (value << 8) | (bytes[group + i] & 0xff);
      }
      for (int shift = 35; shift >= 0; shift -= 5) {
        out.append(CROCKFORD[(int) ((value >>> shift) & 31)]);
      }
    }
    return out.toString();
  }
}
