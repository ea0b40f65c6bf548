package nl.noodrem.camel.api;

import java.time.Instant;
import java.util.Objects;
import nl.noodrem.domain.CitizenRef;

/**
 * The collection system opened a new case for a citizen (e.g. a new traffic fine). A running brake
 * holds it too. Carries the citizen's keyed pseudonym, never the BSN: the route pseudonymises on
 * receipt.
 *
 * <p>This is a camel-routes record rather than a {@code DomainEvent} because the domain's event
 * hierarchy is sealed; it may move to {@code domain} later.
 *
 * @param sourceId stable id of the notification (the collection system's event id); delivering the
 *     same id twice must act once
 * @param openCase the new case as {@link CollectionSystem#openCases} would report it
 */
public record CaseOpened(String sourceId, Instant occurredAt, CitizenRef citizen, OpenCase openCase) {

  public CaseOpened {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(citizen, "citizen");
    Objects.requireNonNull(openCase, "openCase");
  }
}
