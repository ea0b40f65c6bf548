package nl.noodrem.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a BSN into a {@link CitizenRef} with HMAC-SHA-256 under a secret key (truncated to 128 bits).
 *
 * <p>A plain hash of a BSN is no pseudonym: there are only about 10^8 valid BSNs, so anyone can
 * hash them all. The key makes that impossible for whoever lacks it. All app nodes must share the key
 * so that a citizen gets the same reference on every node; rotating it breaks correlation with old
 * history, which is intended when history must become anonymous.
 */
public final class BsnPseudonymizer {

  private static final String ALGORITHM = "HmacSHA256";
  private static final int MIN_KEY_BYTES = 32;

  private final SecretKeySpec key;

  /** @throws InvalidValueException when the key is shorter than 32 bytes */
  public BsnPseudonymizer(byte[] key) {
    if (key == null || key.length < MIN_KEY_BYTES) {
      throw new InvalidValueException("pseudonym key", "must be at least " + MIN_KEY_BYTES + " bytes");
    }
    this.key = new SecretKeySpec(key.clone(), ALGORITHM);
  }

  public CitizenRef pseudonymize(Bsn bsn) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      mac.update("noodrem/citizen-ref/v1:".getBytes(StandardCharsets.US_ASCII));
      byte[] tag = mac.doFinal(bsn.digits().getBytes(StandardCharsets.US_ASCII));
      return new CitizenRef("cz-" + HexFormat.of().formatHex(tag, 0, 16));
    } catch (GeneralSecurityException e) {
      // HmacSHA256 is mandatory in every Java SE platform
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
