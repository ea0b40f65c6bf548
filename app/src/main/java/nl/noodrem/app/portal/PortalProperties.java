package nl.noodrem.app.portal;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the portal says that is not in the code: whom a citizen calls at each municipality when no proof of debt help
 * can be given. Without configuration the two demo municipalities get their general municipal numbers, marked as
 * demonstration data on the page.
 *
 * @param municipalities contact per municipality OIN; replaces the demo defaults when set
 */
@ConfigurationProperties("noodrem.portal")
public record PortalProperties(@DefaultValue Map<String, Contact> municipalities) {

  /**
   * @param phone the number a citizen calls for debt help, as it is written ("14 070")
   * @param hoursNl when the line is open, Dutch ("maandag tot en met vrijdag van 8.00 tot 17.00 uur")
   * @param hoursEn the same in English
   * @param website the municipality's debt-help page, or empty
   * @param demo true for demonstration data: the page says so
   */
  public record Contact(String phone, String hoursNl, String hoursEn, String website, boolean demo) {}

  /** The configured contacts, or the demo defaults. */
  Map<String, Contact> contacts() {
    return municipalities.isEmpty() ? DEMO_CONTACTS : municipalities;
  }

  /** Den Haag and Eindhoven as in the 2021 pilots; "14 0xx" is the municipal number scheme (14 + area code). */
  static final Map<String, Contact> DEMO_CONTACTS = Map.of(
      "00000001999990001000", new Contact("14 070", "maandag tot en met vrijdag overdag",
          "Monday to Friday during office hours", "", true),
      "00000001999990002000", new Contact("14 040", "maandag tot en met vrijdag overdag",
          "Monday to Friday during office hours", "", true));

}
