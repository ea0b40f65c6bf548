package nl.noodrem.processes.port;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.noodrem.domain.CitizenRef;

/**
 * A message for the citizen's inbox in the portal.
 *
 * @param noticeId derived from the content, so a step retried after a failure sends the same id and the inbox
 *     can keep one copy
 * @param reference the brake or issuance reference the citizen can quote
 * @param facts values for the template's placeholders; never a BSN. A date fact is an ISO date ({@code 2026-07-01}) and
 *     reads as a long date in each language ("1 juli 2026", "1 July 2026"); a count named with two word forms,
 *     {@code {caseCount|zaak|zaken}}, reads "1 zaak" or "3 zaken"
 */
public record CitizenNotice(String noticeId, CitizenRef to, NoticeType type, String reference, Map<String, String> facts) {

  /** {@code {name}} or {@code {name|singular|plural}}. */
  public static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)(?:\\|([^|}]*)\\|([^|}]*))?}");
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final DateTimeFormatter DUTCH_DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl-NL"));
  private static final DateTimeFormatter ENGLISH_DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("en-GB"));

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
    return fill(type.dutchTemplate(), DUTCH_DATE);
  }

  public String english() {
    return fill(type.englishTemplate(), ENGLISH_DATE);
  }

  private String fill(String template, DateTimeFormatter dates) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder text = new StringBuilder();
    while (m.find()) {
      String value = m.group(1).equals("reference") ? reference : facts.get(m.group(1));
      String filled;
      if (value == null) {
        filled = m.group();
      } else if (m.group(2) != null) {
        filled = value + " " + ("1".equals(value) ? m.group(2) : m.group(3));
      } else if (ISO_DATE.matcher(value).matches()) {
        filled = LocalDate.parse(value).format(dates);
      } else {
        filled = value;
      }
      m.appendReplacement(text, Matcher.quoteReplacement(filled));
    }
    m.appendTail(text);
    return text.toString();
  }
}
