package nl.noodrem.processes.port;

import java.util.Objects;

/**
 * A signed credential in the wallet's JSON format. It contains the BSN in clear: it goes to the citizen's wallet
 * in the HTTP response and is never stored, logged or put in a process variable.
 */
public record SignedCredential(String json) {

  public SignedCredential {
    Objects.requireNonNull(json, "json");
  }

  @Override
  public String toString() {
    return "SignedCredential[" + json.length() + " chars, redacted]";
  }
}
