package nl.noodrem.processes.service;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.noodrem.domain.Bsn;

/**
 * Free text from legacy systems (a municipality's "unclear" reason, its case id) is shown to a counsellor and so
 * stored in a process variable. Such text is not ours to trust: a nine-digit run that passes the 11-proof is
 * masked before it is stored, so a BSN typed into a legacy note never reaches Camunda's tables.
 */
public final class Redaction {

  private static final Pattern NINE_DIGITS = Pattern.compile("(?<!\\d)\\d{9}(?!\\d)");

  private Redaction() {}

  public static String maskBsns(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = NINE_DIGITS.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Bsn.isValid(m.group()) ? "*********" : m.group());
    }
    m.appendTail(out);
    return out.toString();
  }
}
