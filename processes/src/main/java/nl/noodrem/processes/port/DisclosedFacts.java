package nl.noodrem.processes.port;

import java.time.LocalDate;
import java.util.Objects;
import nl.noodrem.domain.AssistanceType;
import nl.noodrem.domain.Bsn;
import nl.noodrem.domain.Oin;

/**
 * What a verified presentation disclosed, plus the issuer whose accredited key signed the credential. Lives in
 * memory only: the BSN is compared (as a pseudonym) and dropped; the other facts become process variables.
 */
public record DisclosedFacts(
    Bsn bsn,
    Oin issuerOin,
    AssistanceType assistanceType,
    LocalDate helpStartDate,
    LocalDate validUntil,
    long statusListId,
    long statusIndex) {

  public DisclosedFacts {
    Objects.requireNonNull(bsn, "bsn");
    Objects.requireNonNull(issuerOin, "issuerOin");
    Objects.requireNonNull(assistanceType, "assistanceType");
    Objects.requireNonNull(helpStartDate, "helpStartDate");
    Objects.requireNonNull(validUntil, "validUntil");
    if (statusListId < 0 || statusIndex < 0) {
      throw new IllegalArgumentException("status list id and index cannot be negative");
    }
  }
}
