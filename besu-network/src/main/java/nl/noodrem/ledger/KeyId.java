package nl.noodrem.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * An issuer key id, e.g. {@code 00000001002220647000-k1}: 1 to 32 printable ASCII characters, stored on
 * chain as a {@code bytes32}, left-aligned and zero-padded.
 */
public record KeyId(String value) {

  public KeyId {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty() || value.length() > 32) {
      throw new IllegalArgumentException("key id must be 1 to 32 characters, got " + value.length());
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        throw new IllegalArgumentException("key id must be printable ASCII without spaces");
      }
    }
  }

  public static KeyId of(String value) {
    return new KeyId(value);
  }

  /** The on-chain {@code bytes32}. */
  public byte[] toBytes32() {
    return Arrays.copyOf(value.getBytes(StandardCharsets.US_ASCII), 32);
  }

  /** Reads a {@code bytes32} written by {@link #toBytes32()}. */
  public static KeyId fromBytes32(byte[] bytes) {
    if (bytes.length != 32) {
      throw new IllegalArgumentException("a key id is 32 bytes on chain, got " + bytes.length);
    }
    int end = 32;
    while (end > 0 && bytes[end - 1] == 0) {
      end--;
    }
    return new KeyId(new String(bytes, 0, end, StandardCharsets.US_ASCII));
  }

  @Override
  public String toString() {
    return value;
  }
}
