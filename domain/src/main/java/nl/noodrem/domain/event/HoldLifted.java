package nl.noodrem.domain.event;

import java.time.Instant;
import java.util.Objects;
import nl.noodrem.domain.CaseNumber;
import nl.noodrem.domain.CitizenRef;

/** The collection system confirmed that collection resumed on one case. */
public record HoldLifted(
    String sourceId, Instant occurredAt, CitizenRef citizen, CaseNumber caseNumber, Reason reason)
    implements DomainEvent {

  /** Why the hold ended. */
  public enum Reason {
    PERIOD_ENDED,
    CREDENTIAL_REVOKED,
    NO_PROOF_PRESENTED,
    CASE_OFFICER_DECISION
  }

  public HoldLifted {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(citizen, "citizen");
    Objects.requireNonNull(caseNumber, "caseNumber");
    Objects.requireNonNull(reason, "reason");
  }
}
