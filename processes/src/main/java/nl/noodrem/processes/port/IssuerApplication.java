package nl.noodrem.processes.port;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;
import nl.noodrem.domain.Oin;

/**
 * A municipality's request to become an accredited issuer on the network: who it is, the account that will write
 * its status lists, and its first BBS public key.
 *
 * @param account the 0x-prefixed 20-byte address of the issuer's writing account
 * @param keyId the issuer's name for the key, bound in every credential header
 * @param publicKey compressed BLS12-381 G2 point, exactly 96 bytes
 */
public record IssuerApplication(
    Oin oin, String name, String account, String keyId, byte[] publicKey, Instant validFrom, Instant validUntil) {

  public static final int PUBLIC_KEY_BYTES = 96;
  private static final Pattern ACCOUNT = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  public IssuerApplication {
    Objects.requireNonNull(oin, "oin");
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException("issuer name must be 1 to 200 characters");
    }
    if (account == null || !ACCOUNT.matcher(account).matches()) {
      throw new IllegalArgumentException("account must be 0x followed by 40 hex digits");
    }
    if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
      throw new IllegalArgumentException("key id must be 1 to 64 characters of A-Z, a-z, 0-9 and . _ : -");
    }
    if (publicKey == null || publicKey.length != PUBLIC_KEY_BYTES) {
      throw new IllegalArgumentException("public key must be exactly " + PUBLIC_KEY_BYTES + " bytes");
    }
    publicKey = publicKey.clone();
    Objects.requireNonNull(validFrom, "validFrom");
    Objects.requireNonNull(validUntil, "validUntil");
    if (!validUntil.isAfter(validFrom)) {
      throw new IllegalArgumentException("a key must be valid until after it becomes valid");
    }
  }

  /** Parses the key as an admin pastes it: 192 hex digits, optionally 0x-prefixed. */
  public static byte[] parsePublicKeyHex(String hex) {
    if (hex == null) {
      throw new IllegalArgumentException("public key is missing");
    }
    String digits = hex.strip().startsWith("0x") ? hex.strip().substring(2) : hex.strip();
    if (digits.length() != 2 * PUBLIC_KEY_BYTES) {
      throw new IllegalArgumentException("public key must be " + 2 * PUBLIC_KEY_BYTES + " hex digits");
    }
    try {
      return HexFormat.of().parseHex(digits);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("public key must be hex digits only");
    }
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  public String publicKeyHex() {
    return HexFormat.of().formatHex(publicKey);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IssuerApplication a && oin.equals(a.oin) && name.equals(a.name) && account.equals(a.account)
        && keyId.equals(a.keyId) && Arrays.equals(publicKey, a.publicKey) && validFrom.equals(a.validFrom)
        && validUntil.equals(a.validUntil);
  }

  @Override
  public int hashCode() {
    return Objects.hash(oin, name, account, keyId, Arrays.hashCode(publicKey), validFrom, validUntil);
  }

  @Override
  public String toString() {
    return "IssuerApplication[" + oin + ", " + name + ", key " + keyId + "]";
  }
}
