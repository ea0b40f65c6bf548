package nl.noodrem.domain.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import nl.noodrem.domain.Bsn;
import nl.noodrem.domain.Oin;

/** Debt help for a citizen ended; the credential that proves it must be revoked. */
public record DebtHelpEnded(
    String sourceId, Instant occurredAt, Bsn bsn, Oin municipality, LocalDate endDate, Reason reason)
    implements DomainEvent {

  /** Why help ended. The hold is lifted either way; the reason shapes the letter to the citizen. */
  public enum Reason {
    COMPLETED,
    CANCELLED_BY_CITIZEN,
    TERMINATED_BY_MUNICIPALITY,
    MOVED_TO_OTHER_MUNICIPALITY,
    OTHER
  }

  public DebtHelpEnded {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(bsn, "bsn");
    Objects.requireNonNull(municipality, "municipality");
    Objects.requireNonNull(endDate, "endDate");
    Objects.requireNonNull(reason, "reason");
  }
}
