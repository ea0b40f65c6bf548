package nl.noodrem.digid.store;

import java.time.Instant;
import java.util.Objects;
import nl.noodrem.digid.DigidLevel;

/**
 * An AuthnRequest we sent and whose answer we wait for.
 *
 * @param requestId the AuthnRequest ID; the Response's InResponseTo must equal it
 * @param relayState the opaque value DigiD hands back unchanged; the ACS finds the request by it
 * @param browserBindingHash SHA-256 (hex) of the random cookie set in the browser that started the login,
 *     so that a response cannot be replayed into another browser (login CSRF)
 * @param returnTo the local path to go back to
 */
public record PendingAuthnRequest(
    String requestId,
    String relayState,
    String browserBindingHash,
    String returnTo,
    DigidLevel requestedLevel,
    Instant createdAt,
    Instant expiresAt) {

  public PendingAuthnRequest {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(relayState, "relayState");
    Objects.requireNonNull(browserBindingHash, "browserBindingHash");
    Objects.requireNonNull(returnTo, "returnTo");
    Objects.requireNonNull(requestedLevel, "requestedLevel");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
