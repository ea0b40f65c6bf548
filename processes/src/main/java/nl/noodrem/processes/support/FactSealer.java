package nl.noodrem.processes.support;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals facts a process must keep but no person may read in Cockpit or the history tables: the hidden attributes
 * of an approved credential (debt amount, number of creditors, counsellor) while it waits for pickup.
 *
 * <p><b>Guarantee:</b> AES-256-GCM, fresh 96-bit nonce per seal, associated data {@code noodrem/sealed-facts/v1}
 * so a sealed BSN ({@code BsnSealer}, other purpose) never opens here even under the same key. <b>Failure:</b>
 * {@link IllegalArgumentException} when a value does not open under this key.
 */
public final class FactSealer {

  private static final String PREFIX = "sf1.";
  private static final byte[] AAD = "noodrem/sealed-facts/v1".getBytes(StandardCharsets.US_ASCII);
  private static final int NONCE_BYTES = 12;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  public FactSealer(byte[] key) {
    if (key == null || key.length != 32) {
      throw new IllegalArgumentException("fact sealing key must be exactly 32 bytes");
    }
    this.key = new SecretKeySpec(key.clone(), "AES");
  }

  /** From the base64 text in {@code noodrem.process.sealing-key}. */
  public static FactSealer fromBase64(String base64) {
    if (base64 == null || base64.isBlank()) {
      throw new IllegalStateException("noodrem.process.sealing-key is not set: give it base64 of 32 random bytes");
    }
    return new FactSealer(Base64.getDecoder().decode(base64.strip()));
  }

  public String seal(String plain) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
      cipher.updateAAD(AAD);
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
      return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM unavailable", e);
    }
  }

  public String open(String sealed) {
    if (sealed == null || !sealed.startsWith(PREFIX)) {
      throw new IllegalArgumentException("not a sealed value");
    }
    byte[] in = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length()));
    if (in.length <= NONCE_BYTES) {
      throw new IllegalArgumentException("sealed value is truncated");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, NONCE_BYTES));
      cipher.updateAAD(AAD);
      return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new IllegalArgumentException("sealed value does not open under this key");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM unavailable", e);
    }
  }
}
