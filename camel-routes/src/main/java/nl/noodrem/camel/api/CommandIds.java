package nl.noodrem.camel.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import nl.noodrem.domain.CaseNumber;

/**
 * Command ids bound to what a command says. The collection system (and the broker's duplicate check) acts once per
 * id, so the id must change whenever anything the command says changes, and must stay the same when the very same
 * command is sent again: {@code <brakeRef>/<kind>/<step>/<hash>}, the hash being the first 96 bits of SHA-256 over
 * every field of the command, with the cases sorted (the collection system treats them as a set).
 *
 * <p>The readable prefix lets a person (and the fault test) find a brake's commands in the collection system;
 * at most {@value #MAX_LENGTH} characters, which fits the collection system's key and Camel's idempotency key.
 */
public final class CommandIds {

  /** The collection system keeps command ids in a column of 64 characters. */
  public static final int MAX_LENGTH = 64;

  private static final Pattern STEP = Pattern.compile("[a-z0-9][a-z0-9-]{0,23}");
  private static final Pattern BRAKE_REF = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,23}");
  private static final int HASH_BYTES = 12;

  private CommandIds() {}

  /**
   * @param kind {@code hold}, {@code lift} or {@code plan}
   * @param step which step of the brake sent it (e.g. {@code first}, {@code x2}, {@code case}); lower case
   * @param fields everything else the command says, in a fixed order
   */
  static String of(String brakeRef, String kind, String step, List<CaseNumber> cases, Object... fields) {
    Objects.requireNonNull(brakeRef, "brakeRef");
    if (!BRAKE_REF.matcher(brakeRef).matches()) {
      throw new IllegalArgumentException("brake reference must be 1-24 letters, digits or '-'");
    }
    if (step == null || !STEP.matcher(step).matches()) {
      throw new IllegalArgumentException("step must be 1-24 of a-z, 0-9 and '-', got " + step);
    }
    StringBuilder content = new StringBuilder(kind).append('\n').append(brakeRef).append('\n').append(step);
    cases.stream().map(CaseNumber::value).sorted().distinct().forEach(c -> content.append("\ncase:").append(c));
    for (Object field : fields) {
      content.append("\nfield:").append(field);
    }
    String id = brakeRef + "/" + kind + "/" + step + "/" + HexFormat.of().formatHex(sha256(content.toString()), 0,
        HASH_BYTES);
    if (id.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("command id longer than " + MAX_LENGTH + " characters: " + id);
    }
    return id;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
