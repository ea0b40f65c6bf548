package nl.noodrem.digid;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A refused DigiD login. The {@link #reason()} is the operator-facing code; the message adds a short
 * technical detail that never contains the BSN or a full SAML message. The citizen sees only
 * {@link DigidMessages#ERROR}.
 */
public final class DigidLoginException extends Exception {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final RejectionReason reason;
  private final String detail;
  private final String incidentId = newIncidentId();

  public DigidLoginException(RejectionReason reason, String detail) {
    super(reason.name() + ": " + printable(detail));
    this.reason = Objects.requireNonNull(reason);
    this.detail = printable(detail);
  }

  public DigidLoginException(RejectionReason reason, String detail, Throwable cause) {
    super(reason.name() + ": " + printable(detail), cause);
    this.reason = Objects.requireNonNull(reason);
    this.detail = printable(detail);
  }

  /** The technical detail without the reason prefix. */
  public String detail() {
    return detail;
  }

  /**
   * A short random reference, logged with the reason and shown to the citizen beside Logius' text, so that a
   * help-desk call can be matched to the log line without asking for the BSN.
   */
  public String incidentId() {
    return incidentId;
  }

  /**
   * Details may quote values from the message (an algorithm URI, a status code): no control characters
   * (no forged log lines) and a bounded length.
   */
  private static String printable(String detail) {
    if (detail == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(Math.min(detail.length(), 300));
    for (int i = 0; i < detail.length() && out.length() < 300; i++) {
      char c = detail.charAt(i);
      out.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    return out.toString();
  }

  private static String newIncidentId() {
    byte[] bytes = new byte[5];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  public RejectionReason reason() {
    return reason;
  }
}
