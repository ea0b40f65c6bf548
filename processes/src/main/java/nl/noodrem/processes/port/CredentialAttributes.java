package nl.noodrem.processes.port;

import java.time.LocalDate;
import java.util.Objects;
import nl.noodrem.domain.AssistanceType;
import nl.noodrem.domain.Bsn;
import nl.noodrem.domain.Oin;

/**
 * The attributes of a DebtAssistanceCredential v1 (ARCHITECTURE.md), in memory only: built at pickup from the
 * citizen's authenticated BSN and the approved facts, handed to the signer, and dropped.
 *
 * @param debtAmountCents hidden from CJIB: total debt as the municipality knows it (0 when not stated)
 * @param creditorCount hidden from CJIB: number of creditors (0 when not stated)
 * @param counsellorId hidden from CJIB: the municipality's id of the counsellor
 */
public record CredentialAttributes(
    Bsn bsn,
    Oin issuerOin,
    AssistanceType assistanceType,
    LocalDate decisionDate,
    LocalDate helpStartDate,
    LocalDate validUntil,
    long statusListId,
    long statusIndex,
    long debtAmountCents,
    int creditorCount,
    String counsellorId) {

  public CredentialAttributes {
    Objects.requireNonNull(bsn, "bsn");
    Objects.requireNonNull(issuerOin, "issuerOin");
    Objects.requireNonNull(assistanceType, "assistanceType");
    Objects.requireNonNull(decisionDate, "decisionDate");
    Objects.requireNonNull(helpStartDate, "helpStartDate");
    Objects.requireNonNull(validUntil, "validUntil");
    Objects.requireNonNull(counsellorId, "counsellorId");
    if (debtAmountCents < 0 || creditorCount < 0) {
      throw new IllegalArgumentException("debt amount and creditor count cannot be negative");
    }
  }

  /** Masks the BSN and leaves the hidden attributes out, so a stray log line leaks nothing. */
  @Override
  public String toString() {
    return "CredentialAttributes[" + bsn + ", issuer " + issuerOin + ", " + assistanceType + ", valid until "
        + validUntil + ", slot " + statusListId + "/" + statusIndex + "]";
  }
}
