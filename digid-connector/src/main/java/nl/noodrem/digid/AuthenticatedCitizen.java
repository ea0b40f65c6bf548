package nl.noodrem.digid;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import nl.noodrem.domain.Bsn;

/**
 * A citizen whose DigiD login was validated: the BSN, the level DigiD actually returned, and the moment the
 * local session ends regardless of activity (the idle timeout is enforced separately by the HTTP session).
 *
 * <p>Serializable so that the Spring Security context can live in a replicated or persisted HTTP session.
 * {@link Bsn} itself is not serializable, so a serialization proxy carries the digits and re-validates them
 * (11-proof) on the way back in. {@link #toString()} masks the BSN like {@link Bsn#toString()}.
 */
public record AuthenticatedCitizen(Bsn bsn, DigidLevel level, Instant sessionExpiry) implements Serializable {

  public AuthenticatedCitizen {
    Objects.requireNonNull(bsn, "bsn");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(sessionExpiry, "sessionExpiry");
  }

  /** True when the session may still be used at {@code now}. */
  public boolean isValidAt(Instant now) {
    return now.isBefore(sessionExpiry);
  }

  @Serial
  private Object writeReplace() {
    return new SerializedForm(bsn.digits(), level, sessionExpiry);
  }

  @Serial
  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("AuthenticatedCitizen is deserialized through its proxy only");
  }

  private record SerializedForm(String bsnDigits, DigidLevel level, Instant sessionExpiry)
      implements Serializable {
    @Serial private static final long serialVersionUID = 1L;

    @Serial
    private Object readResolve() {
      return new AuthenticatedCitizen(Bsn.of(bsnDigits), level, sessionExpiry);
    }

    @Override
    public String toString() {
      return "SerializedForm[masked]";
    }
  }
}
