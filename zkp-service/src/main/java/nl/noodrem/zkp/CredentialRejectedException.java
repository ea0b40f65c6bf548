package nl.noodrem.zkp;

import java.util.Objects;

/**
 * The cryptography may be fine, but the credential or presentation is not acceptable: unknown or unusable issuer
 * key, unknown schema, replayed or unknown nonce, wrong audience, outside its time window, a disclosure other than
 * the one requested, a revoked or expired credential. {@link #reason()} says which, for audit records and user
 * messages.
 */
public final class CredentialRejectedException extends ZkpException {

  /** Why a credential or presentation was rejected. */
  public enum Reason {
    ISSUER_KEY_UNKNOWN,
    ISSUER_KEY_NOT_YET_VALID,
    ISSUER_KEY_EXPIRED,
    ISSUER_KEY_REVOKED,
    ISSUER_INACTIVE,
    ISSUER_MISMATCH,
    SCHEMA_UNKNOWN,
    SCHEMA_MISMATCH,
    CIPHERSUITE_NOT_ALLOWED,
    NONCE_UNKNOWN,
    NONCE_REPLAYED,
    AUDIENCE_MISMATCH,
    REQUEST_EXPIRED,
    PRESENTATION_TIME_OUT_OF_WINDOW,
    DISCLOSURE_MISMATCH,
    CREDENTIAL_EXPIRED,
    CREDENTIAL_REVOKED
  }

  private final Reason reason;

  public CredentialRejectedException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}
