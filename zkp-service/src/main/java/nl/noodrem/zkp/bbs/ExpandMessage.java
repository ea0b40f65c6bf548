package nl.noodrem.zkp.bbs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.digests.SHAKEDigest;

/**
 * expand_message of RFC 9380, section 5.3: {@code expand_message_xmd} with SHA-256 and {@code expand_message_xof}
 * with SHAKE-256 (k = 128), including the oversize-DST rule of section 5.3.3.
 */
enum ExpandMessage {
  XMD_SHA_256 {
    @Override
    byte[] expand(byte[] msg, byte[] dst, int lenInBytes) {
      final int bInBytes = 32;
      final int sInBytes = 64;
      int ell = (lenInBytes + bInBytes - 1) / bInBytes;
      if (lenInBytes < 0 || lenInBytes > 65535 || ell > 255) {
        throw new IllegalArgumentException("expand_message_xmd: len_in_bytes out of range: " + lenInBytes);
      }
      byte[] effectiveDst = dst.length > 255 ? sha256(concat(OVERSIZE_PREFIX, dst)) : dst;
      byte[] dstPrime = concat(effectiveDst, new byte[] {(byte) effectiveDst.length});
      MessageDigest h = sha256();
      h.update(new byte[sInBytes]);
      h.update(msg);
      h.update(new byte[] {(byte) (lenInBytes >>> 8), (byte) lenInBytes, 0});
      h.update(dstPrime);
      byte[] b0 = h.digest();
      byte[] out = new byte[ell * bInBytes];
      byte[] previous = new byte[bInBytes];
      for (int i = 1; i <= ell; i++) {
        byte[] input = new byte[bInBytes];
        for (int j = 0; j < bInBytes; j++) {
          input[j] = (byte) (b0[j] ^ previous[j]); // b_1 uses b_0 alone: previous starts as zeros
        }
        h.update(i == 1 ? b0 : input);
        h.update((byte) i);
        h.update(dstPrime);
        previous = h.digest();
        System.arraycopy(previous, 0, out, (i - 1) * bInBytes, bInBytes);
      }
      return java.util.Arrays.copyOf(out, lenInBytes);
    }
  },

  XOF_SHAKE_256 {
    @Override
    byte[] expand(byte[] msg, byte[] dst, int lenInBytes) {
      if (lenInBytes < 0 || lenInBytes > 65535) {
        throw new IllegalArgumentException("expand_message_xof: len_in_bytes out of range: " + lenInBytes);
      }
      byte[] effectiveDst = dst.length > 255 ? shake256(concat(OVERSIZE_PREFIX, dst), (2 * 128 + 7) / 8) : dst;
      SHAKEDigest shake = new SHAKEDigest(256);
      shake.update(msg, 0, msg.length);
      shake.update((byte) (lenInBytes >>> 8));
      shake.update((byte) lenInBytes);
      shake.update(effectiveDst, 0, effectiveDst.length);
      shake.update((byte) effectiveDst.length);
      byte[] out = new byte[lenInBytes];
      shake.doFinal(out, 0, lenInBytes);
      return out;
    }
  };

  private static final byte[] OVERSIZE_PREFIX = "H2C-OVERSIZE-DST-".getBytes(StandardCharsets.US_ASCII);

  /** uniform_bytes = expand_message(msg, DST, len_in_bytes). */
  abstract byte[] expand(byte[] msg, byte[] dst, int lenInBytes);

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }

  private static byte[] sha256(byte[] input) {
    return sha256().digest(input);
  }

  private static byte[] shake256(byte[] input, int outLen) {
    SHAKEDigest shake = new SHAKEDigest(256);
    shake.update(input, 0, input.length);
    byte[] out = new byte[outLen];
    shake.doFinal(out, 0, outLen);
    return out;
  }

  static byte[] concat(byte[]... parts) {
    int len = 0;
    for (byte[] p : parts) {
      len += p.length;
    }
    byte[] out = new byte[len];
    int pos = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, pos, p.length);
      pos += p.length;
    }
    return out;
  }
}
