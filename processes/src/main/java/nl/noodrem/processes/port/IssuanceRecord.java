package nl.noodrem.processes.port;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import nl.noodrem.domain.CitizenRef;
import nl.noodrem.domain.Oin;

/**
 * What Noodrem keeps of an issued credential: enough to revoke it, nothing to reconstruct it. No BSN, no
 * signature, no hidden attributes.
 */
public record IssuanceRecord(
    String issuanceRef, CitizenRef citizen, Oin issuer, StatusSlot slot, LocalDate validUntil, Instant issuedAt) {

  public IssuanceRecord {
    Objects.requireNonNull(issuanceRef, "issuanceRef");
    Objects.requireNonNull(citizen, "citizen");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(validUntil, "validUntil");
    Objects.requireNonNull(issuedAt, "issuedAt");
  }
}
