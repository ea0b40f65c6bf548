package nl.noodrem.camel.batch;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The encoding a batch source declares, and the strict per-line decoding with it.
 *
 * <p>Allowed: UTF-8 (the default) and the single-byte encodings municipal exports use (windows-1252,
 * ISO-8859-1, ISO-8859-15). Not UTF-16: its lines cannot be split on the LF byte, and a UTF-16 file is
 * refused as "not text" (see {@link BatchFileCheck}).
 */
final class BatchEncoding {

  static final Set<String> ALLOWED = Set.of("UTF-8", "windows-1252", "ISO-8859-1", "ISO-8859-15");

  private final Charset charset;

  private BatchEncoding(Charset charset) {
    this.charset = charset;
  }

  /** @throws IllegalArgumentException for an unknown or not allowed encoding (at start-up) */
  static BatchEncoding of(String name) {
    if (name == null || name.isBlank()) {
      return new BatchEncoding(StandardCharsets.UTF_8);
    }
    Charset charset;
    try {
      charset = Charset.forName(name.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown batch file encoding " + name, e);
    }
    if (!ALLOWED.contains(charset.name())) {
      throw new IllegalArgumentException("batch file encoding " + name + " is not allowed; use one of "
          + ALLOWED.stream().sorted().toList());
    }
    return new BatchEncoding(charset);
  }

  Charset charset() {
    return charset;
  }

  /**
   * Decodes one line strictly.
   *
   * @return the text, or {@code null} when a byte sequence is not valid in this encoding; then
   *     {@link #firstError(byte[])} says where
   */
  String decodeStrict(byte[] line) {
    try {
      return decoder().decode(ByteBuffer.wrap(line)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** Why {@link #decodeStrict} refused the line: the offset of the first bad byte, without the content. */
  String firstError(byte[] line) {
    ByteBuffer in = ByteBuffer.wrap(line);
    CharBuffer out = CharBuffer.allocate(line.length + 1);
    CoderResult result = decoder().decode(in, out, true);
    int offset = in.position() + 1;
    String what = result.isMalformed() ? "a malformed byte sequence" : "a byte with no character";
    return "not valid " + charset.name() + ": " + what + " at byte " + offset + " of the line";
  }

  /** For the dead letter only: what a person can read of a line that did not decode. */
  String decodeLenient(byte[] line) {
    return new String(line, charset);
  }

  private CharsetDecoder decoder() {
    return charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  @Override
  public String toString() {
    return charset.name().toLowerCase(Locale.ROOT);
  }
}
