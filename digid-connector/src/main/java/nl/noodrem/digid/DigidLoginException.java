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
    super(reason.name() + ": " + detail);
    this.reason = Objects.requireNonNull(reason);
    this.detail = detail;
  }

  public DigidLoginException(RejectionReason reason, String detail, Throwable cause) {
    super(reason.name() + ": " + detail, cause);
    this.reason = Objects.requireNonNull(reason);
    this.detail = detail;
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

  private static String newIncidentId() {
    byte[] bytes = new byte[5];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  public RejectionReason reason() {
    return reason;
  }
}
