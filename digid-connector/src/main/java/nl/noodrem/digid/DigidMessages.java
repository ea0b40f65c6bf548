package nl.noodrem.digid;

/**
 * Citizen-facing Dutch texts and the query flags the connector adds when it sends a citizen back to the
 * page where the login started. The app shows {@link #CANCELLED} when it sees
 * {@code ?digid=geannuleerd}.
 */
public final class DigidMessages {

  /** Logius' fixed text for every failure other than a cancel; required verbatim by the DigiD checks. */
  public static final String ERROR =
      "Er is een fout opgetreden in de communicatie met DigiD. Probeert u het later nogmaals. "
          + "Indien deze fout blijft aanhouden, kijk dan op de website https://www.digid.nl voor de laatste "
          + "informatie.";

  /** Shown on the page where the login started after {@code AuthnFailed} (the citizen cancelled). */
  public static final String CANCELLED = "U heeft het inloggen met DigiD geannuleerd.";

  /** Shown after a local logout. */
  public static final String LOGGED_OUT = "U bent uitgelogd.";

  /** Query parameter added to the return path. */
  public static final String FLAG_PARAMETER = "digid";

  /** Value of {@link #FLAG_PARAMETER} after a cancel. */
  public static final String FLAG_CANCELLED = "geannuleerd";

  /** Value of {@link #FLAG_PARAMETER} after a logout. */
  public static final String FLAG_LOGGED_OUT = "uitgelogd";

  private DigidMessages() {}
}
