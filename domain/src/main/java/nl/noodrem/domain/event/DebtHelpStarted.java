package nl.noodrem.domain.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import nl.noodrem.domain.AssistanceType;
import nl.noodrem.domain.Bsn;
import nl.noodrem.domain.InvalidValueException;
import nl.noodrem.domain.Oin;

/** A municipality decided to give debt help (a Wgs decision) and said when the help starts. */
public record DebtHelpStarted(
    String sourceId,
    Instant occurredAt,
    Bsn bsn,
    Oin municipality,
    AssistanceType assistanceType,
    LocalDate decisionDate,
    LocalDate helpStartDate)
    implements DomainEvent {

  public DebtHelpStarted {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(bsn, "bsn");
    Objects.requireNonNull(municipality, "municipality");
    Objects.requireNonNull(assistanceType, "assistanceType");
    Objects.requireNonNull(decisionDate, "decisionDate");
    Objects.requireNonNull(helpStartDate, "helpStartDate");
    if (helpStartDate.isBefore(decisionDate.minusYears(1))) {
      throw new InvalidValueException("help start date", "cannot lie more than a year before the decision");
    }
  }
}
