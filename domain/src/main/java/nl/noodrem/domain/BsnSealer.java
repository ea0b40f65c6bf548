package nl.noodrem.domain;

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
 * Seals a BSN with AES-256-GCM so that a long-running process can keep it without holding it in
 * clear: the process needs the BSN again months later (to ask CJIB for new cases), and a pseudonym
 * ({@link BsnPseudonymizer}) cannot be turned back.
 *
 * <p><b>Guarantee:</b> authenticated encryption with a fresh 96-bit nonce per seal and the fixed
 * associated data {@code noodrem/sealed-bsn/v1}; a changed or foreign sealed value fails to open.
 * <b>Failure:</b> {@link InvalidValueException} when a sealed value does not open under this key.
 */
public final class BsnSealer {

  private static final byte[] AAD = "noodrem/sealed-bsn/v1".getBytes(StandardCharsets.US_ASCII);
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  /** @throws InvalidValueException unless the key is exactly 32 bytes */
  public BsnSealer(byte[] key) {
    if (key == null || key.length != 32) {
      throw new InvalidValueException("sealing key", "must be exactly 32 bytes");
    }
    this.key = new SecretKeySpec(key.clone(), "AES");
  }

  public SealedBsn seal(Bsn bsn) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(AAD);
      byte[] sealed = cipher.doFinal(bsn.digits().getBytes(StandardCharsets.US_ASCII));
      byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
      return new SealedBsn("sb1." + Base64.getUrlEncoder().withoutPadding().encodeToString(out));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM unavailable", e);
    }
  }

  public Bsn open(SealedBsn sealed) {
    byte[] in = Base64.getUrlDecoder().decode(sealed.value().substring(4));
    if (in.length <= NONCE_BYTES) {
      throw new InvalidValueException("sealed BSN", "is truncated");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
      cipher.updateAAD(AAD);
      byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
      return Bsn.of(new String(plain, StandardCharsets.US_ASCII));
    } catch (AEADBadTagException e) {
      throw new InvalidValueException("sealed BSN", "does not open under this key");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM unavailable", e);
    }
  }
}
