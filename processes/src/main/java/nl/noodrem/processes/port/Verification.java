package nl.noodrem.processes.port;

import java.util.Objects;

/** The verifier's answer: the disclosed facts, or why the presentation is refused. */
public sealed interface Verification {

  /** The proof, the issuer's accreditation and key, the schema, the nonce and the audience all check out. */
  record Accepted(DisclosedFacts facts) implements Verification {
    public Accepted {
      Objects.requireNonNull(facts, "facts");
    }
  }

  /** The presentation is not acceptable; {@code reason} is shown to the citizen and audited. */
  record Rejected(ProofRejection reason) implements Verification {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
