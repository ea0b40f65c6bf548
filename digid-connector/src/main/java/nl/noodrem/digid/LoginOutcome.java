package nl.noodrem.digid;

/** How a completed DigiD round trip ended, when it did not end in an error. */
public sealed interface LoginOutcome {

  /** The local path where the login started (already checked to be on our host). */
  String returnTo();

  /** The citizen is authenticated at (at least) the requested level. */
  record Authenticated(AuthenticatedCitizen citizen, String returnTo) implements LoginOutcome {}

  /** The citizen cancelled at DigiD ({@code AuthnFailed}). */
  record Cancelled(String returnTo) implements LoginOutcome {}
}
