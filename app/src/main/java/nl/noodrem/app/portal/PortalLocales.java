package nl.noodrem.app.portal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import nl.noodrem.domain.Money;

/** The portal's two languages and how dates and amounts read in each. */
final class PortalLocales {

  static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
  static final Locale ENGLISH = Locale.forLanguageTag("en-GB");
  static final ZoneId NL = ZoneId.of("Europe/Amsterdam");

  private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", DUTCH);
  private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", ENGLISH);
  private static final DateTimeFormatter DUTCH_DATE_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", DUTCH);
  private static final DateTimeFormatter ENGLISH_DATE_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", ENGLISH);

  private PortalLocales() {}

  /** English for any English locale, Dutch for everything else. */
  static Locale supported(Locale locale) {
    return locale != null && "en".equals(locale.getLanguage()) ? ENGLISH : DUTCH;
  }

  static boolean isEnglish(Locale locale) {
    return supported(locale) == ENGLISH;
  }

  /** "16 februari 2026" or "16 February 2026". */
  static String date(LocalDate date, Locale locale) {
    return date.format(isEnglish(locale) ? ENGLISH_DATE : DUTCH_DATE);
  }

  static String dateTime(java.time.Instant instant, Locale locale) {
    return instant.atZone(NL).format(isEnglish(locale) ? ENGLISH_DATE_TIME : DUTCH_DATE_TIME);
  }

  /** "€ 1.234,56" (Dutch, as {@link Money#toDutch()}) or "€1,234.56". */
  static String money(Money money, Locale locale) {
    if (!isEnglish(locale)) {
      return money.toDutch();
    }
    long cents = money.cents();
    return String.format(Locale.ROOT, "%s€%,d.%02d", cents < 0 ? "-" : "", Math.abs(cents) / 100, Math.abs(cents) % 100);
  }
}
