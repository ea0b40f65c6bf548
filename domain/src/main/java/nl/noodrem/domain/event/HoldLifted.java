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
    CASE_OFFICER_DECISION,
    /** CJIB staff ended the brake early (e.g. it was pulled by mistake), with a reason on record. */
    ENDED_BY_STAFF,
    /** The citizen asked to stop the brake. */
    CITIZEN_WITHDREW,
    /** The held cases were paid; nothing is left to hold. */
    CASES_PAID,
    /** The brake's process was cancelled outside the model (Cockpit); its cases are lifted anyway. */
    BRAKE_CANCELLED
  }

  public HoldLifted {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(citizen, "citizen");
    Objects.requireNonNull(caseNumber, "caseNumber");
    Objects.requireNonNull(reason, "reason");
  }
}
