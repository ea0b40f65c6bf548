package nl.noodrem.domain.event;

import java.time.Instant;
import java.util.Objects;
import nl.noodrem.domain.CaseNumber;
import nl.noodrem.domain.CitizenRef;
import nl.noodrem.domain.HoldPeriod;

/** The collection system confirmed a hold on one case. */
public record HoldPlaced(
    String sourceId, Instant occurredAt, CitizenRef citizen, CaseNumber caseNumber, HoldPeriod period)
    implements DomainEvent {

  public HoldPlaced {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(citizen, "citizen");
    Objects.requireNonNull(caseNumber, "caseNumber");
    Objects.requireNonNull(period, "period");
  }
}
