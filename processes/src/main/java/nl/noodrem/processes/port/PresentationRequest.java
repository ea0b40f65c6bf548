package nl.noodrem.processes.port;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What CJIB asked the citizen's wallet to prove: the attributes to disclose, bound to a fresh nonce and an
 * audience so that a presentation made for this request cannot be replayed elsewhere or later.
 *
 * @param nonce random, single use; the brake keeps it until a presentation is verified against it
 * @param audience who the proof is for (CJIB's verifier id)
 * @param issuedAt when the request was made; a presentation made before it is refused
 * @param expiresAt after this instant the request is refused as stale
 */
public record PresentationRequest(String nonce, String audience, Instant issuedAt, Instant expiresAt) {

  /** The attributes of DebtAssistanceCredential v1 that CJIB asks for, and nothing more (ARCHITECTURE.md). */
  public static final List<String> DISCLOSED_ATTRIBUTES =
      List.of("bsn", "assistanceType", "helpStartDate", "validUntil", "statusListId", "statusIndex");

  public PresentationRequest {
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (!expiresAt.isAfter(issuedAt)) {
      throw new IllegalArgumentException("a presentation request must expire after it is issued");
    }
  }

  public List<String> disclosedAttributes() {
    return DISCLOSED_ATTRIBUTES;
  }
}
