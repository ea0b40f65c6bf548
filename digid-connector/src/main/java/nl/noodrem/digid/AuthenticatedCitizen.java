package nl.noodrem.digid;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import nl.noodrem.domain.Bsn;

/**
 * A citizen whose DigiD login was validated: the BSN, the level DigiD actually returned, the moment the
 * local session ends regardless of activity (the idle timeout is enforced separately by the HTTP session),
 * when DigiD authenticated them, and DigiD's {@code SessionIndex} (null when DigiD sent none), which a
 * single logout names.
 *
 * <p>Serializable so that the Spring Security context can live in a replicated or persisted HTTP session.
 * {@link Bsn} itself is not serializable, so a serialization proxy carries the digits and re-validates them
 * (11-proof) on the way back in. {@link #toString()} masks the BSN like {@link Bsn#toString()}.
 */
public record AuthenticatedCitizen(Bsn bsn, DigidLevel level, Instant sessionExpiry, Instant authenticatedAt, String sessionIndex)
    implements Serializable {

  public AuthenticatedCitizen {
    Objects.requireNonNull(bsn, "bsn");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(sessionExpiry, "sessionExpiry");
    Objects.requireNonNull(authenticatedAt, "authenticatedAt");
  }

  /** A citizen without DigiD session details (tests, tools): authenticated at the epoch, no SessionIndex. */
  public AuthenticatedCitizen(Bsn bsn, DigidLevel level, Instant sessionExpiry) {
    this(bsn, level, sessionExpiry, Instant.EPOCH, null);
  }

  /** The SAML NameID DigiD uses for this citizen: {@code s00000000:<BSN>}. */
  public String nameId() {
    return "s00000000:" + bsn.digits();
  }

  /** True when the session may still be used at {@code now}. */
  public boolean isValidAt(Instant now) {
    return now.isBefore(sessionExpiry);
  }

  @Serial
  private Object writeReplace() {
    return new SerializedForm(bsn.digits(), level, sessionExpiry, authenticatedAt, sessionIndex);
  }

  @Serial
  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("AuthenticatedCitizen is deserialized through its proxy only");
  }

  private record SerializedForm(String bsnDigits, DigidLevel level, Instant sessionExpiry, Instant authenticatedAt, String sessionIndex)
      implements Serializable {
    @Serial private static final long serialVersionUID = 2L;

    @Serial
    private Object readResolve() {
      return new AuthenticatedCitizen(Bsn.of(bsnDigits), level, sessionExpiry, authenticatedAt, sessionIndex);
    }

    @Override
    public String toString() {
      return "SerializedForm[masked]";
    }
  }
}
