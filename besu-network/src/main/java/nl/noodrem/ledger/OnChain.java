package nl.noodrem.ledger;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import nl.noodrem.domain.Oin;

/** Conversions between domain values and their on-chain encodings. */
final class OnChain {

  private OnChain() {}

  /** An OIN is 20 ASCII digits, which is exactly a {@code bytes20}. */
  static byte[] oin(Oin oin) {
    return oin.value().getBytes(StandardCharsets.US_ASCII);
  }

  static Oin oin(byte[] bytes20) {
    return Oin.of(new String(bytes20, StandardCharsets.US_ASCII));
  }

  static BigInteger seconds(Instant instant) {
    return BigInteger.valueOf(instant.getEpochSecond());
  }

  static Instant instant(BigInteger seconds) {
    return Instant.ofEpochSecond(seconds.longValueExact());
  }

  static BigInteger uint64(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("negative value for a uint64: " + value);
    }
    return BigInteger.valueOf(value);
  }
}
