package nl.noodrem.camel.errors;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a dead letter's payload (a legacy record that may hold a BSN) at rest: AES-256-GCM, as the
 * domain's {@code BsnSealer} does for a single BSN, with a key of its own derived from the app's sealing
 * key (HMAC-SHA256 over {@value #PURPOSE}), so that a dead-letter payload and a sealed BSN can never be
 * taken for one another.
 *
 * <p><b>Guarantee:</b> a fresh 96-bit nonce per seal; the text is {@code dl1.} + base64url(nonce ‖ ciphertext
 * ‖ tag); a changed value fails to open. <b>Failure:</b> {@link IllegalArgumentException} when a sealed value
 * does not open under this key.
 */
public final class PayloadSealer {

  static final String PURPOSE = "noodrem/dead-letter-payload/v1";
  private static final String PREFIX = "dl1.";
  private static final byte[] AAD = PURPOSE.getBytes(StandardCharsets.US_ASCII);
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  /** @param sealingKey the app's sealing key ({@code noodrem.privacy.sealing-key}), 32 bytes */
  public PayloadSealer(byte[] sealingKey) {
    if (sealingKey == null || sealingKey.length != 32) {
      throw new IllegalArgumentException("noodrem.privacy.sealing-key must be exactly 32 bytes (base64)");
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(sealingKey, "HmacSHA256"));
      this.key = new SecretKeySpec(mac.doFinal(AAD), "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  public String seal(String payload) {
    if (payload == null) {
      return null;
    }
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(AAD);
      byte[] sealed = cipher.doFinal(payload.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
      return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM unavailable", e);
    }
  }

  /** @throws IllegalArgumentException when the value is not sealed, or not under this key */
  public String open(String sealed) {
    if (sealed == null) {
      return null;
    }
    if (!sealed.startsWith(PREFIX)) {
      throw new IllegalArgumentException("dead-letter payload is not sealed");
    }
    byte[] in = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length()));
    if (in.length <= NONCE_BYTES) {
      throw new IllegalArgumentException("sealed dead-letter payload is truncated");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
      cipher.updateAAD(AAD);
      return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new IllegalArgumentException("sealed dead-letter payload does not open under this key");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM unavailable", e);
    }
  }
}
