package nl.noodrem.camel.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What a batch file is before any of its lines is read as a record: its fingerprint (SHA-256 of the
 * content), and whether it must be quarantined as a whole. One streaming pass, bounded memory.
 *
 * <p>A file is refused as a whole when it is empty (no byte but white space), or is not text in the
 * declared encoding: it holds a NUL byte (binary, or UTF-16/32 which a single-byte or UTF-8 reader
 * cannot split into lines), or it starts with a UTF-16/UTF-32 byte-order mark. Everything finer (an
 * undecodable byte in one line) is a per-line dead letter, not a reason to refuse the file.
 */
final class BatchFileCheck {

  /**
   * @param sha256 hex fingerprint of the whole content
   * @param refusal why the whole file is quarantined, if it is
   */
  record Result(String sha256, Optional<String> refusal) {}

  private BatchFileCheck() {}

  static Result check(InputStream in, Charset declared) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    long firstNul = -1;
    boolean nonBlank = false;
    byte[] head = new byte[4];
    int headLength = 0;
    int n;
    while ((n = in.read(buffer)) != -1) {
      digest.update(buffer, 0, n);
      for (int i = 0; i < n; i++) {
        byte b = buffer[i];
        if (headLength < head.length) {
          head[headLength++] = b;
        }
        if (b == 0 && firstNul < 0) {
          firstNul = total + i;
        }
        if (!nonBlank && b != ' ' && b != '\t' && b != '\r' && b != '\n') {
          nonBlank = true;
        }
      }
      total += n;
    }
    String hash = HexFormat.of().formatHex(digest.digest());
    String name = declared.name();
    if (startsWith(head, headLength, 0xFF, 0xFE) || startsWith(head, headLength, 0xFE, 0xFF)) {
      return new Result(hash, Optional.of("not text in " + name + ": starts with a UTF-16 byte-order mark"));
    }
    if (firstNul >= 0) {
      return new Result(hash, Optional.of("not text in " + name + ": a NUL byte at offset " + firstNul
          + " (binary content or UTF-16)"));
    }
    if (!nonBlank) {
      return new Result(hash, Optional.of(total == 0 ? "empty file" : "empty file (white space only)"));
    }
    if (!declared.equals(StandardCharsets.UTF_8) && startsWith(head, headLength, 0xEF, 0xBB, 0xBF)) {
      return new Result(hash, Optional.of("declared " + name + " but starts with a UTF-8 byte-order mark"));
    }
    return new Result(hash, Optional.empty());
  }

  private static boolean startsWith(byte[] head, int length, int... prefix) {
    if (length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((head[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
