package nl.noodrem.processes.port;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import nl.noodrem.domain.CitizenRef;

/**
 * A message for the citizen's inbox in the portal.
 *
 * @param noticeId derived from the content, so a step retried after a failure sends the same id and the inbox
 *     can keep one copy
 * @param reference the brake or issuance reference the citizen can quote
 * @param facts values for the template's placeholders; never a BSN
 */
public record CitizenNotice(String noticeId, CitizenRef to, NoticeType type, String reference, Map<String, String> facts) {

  public CitizenNotice {
    Objects.requireNonNull(noticeId, "noticeId");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(reference, "reference");
    facts = Map.copyOf(facts);
  }

  /** A notice whose id is a hash of everything in it. */
  public static CitizenNotice of(CitizenRef to, NoticeType type, String reference, Map<String, String> facts) {
    StringBuilder content = new StringBuilder(to.value()).append('|').append(type).append('|').append(reference);
    new TreeMap<>(facts).forEach((k, v) -> content.append('|').append(k).append('=').append(v));
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.toString().getBytes(StandardCharsets.UTF_8));
      return new CitizenNotice("nt-" + HexFormat.of().formatHex(digest, 0, 16), to, type, reference, facts);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  public String dutch() {
    return fill(type.dutchTemplate());
  }

  public String english() {
    return fill(type.englishTemplate());
  }

  private String fill(String template) {
    String text = template.replace("{reference}", reference);
    for (Map.Entry<String, String> fact : facts.entrySet()) {
      text = text.replace("{" + fact.getKey() + "}", fact.getValue());
    }
    return text;
  }
}
