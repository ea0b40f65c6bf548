package nl.noodrem.processes.service;

import java.util.Comparator;
import java.util.List;
import nl.noodrem.camel.api.OpenCase;
import nl.noodrem.domain.CaseNumber;
import nl.noodrem.domain.Money;

/**
 * What the hold decision needs to know about a citizen's open cases, and nothing more: no amounts per case, no
 * decision dates.
 *
 * @param highestStage the furthest collection stage over all cases ({@code NONE} without cases)
 */
public record CaseFacts(
    List<CaseNumber> cases, long totalOutstandingCents, String highestStage, boolean hasCompensationOrder) {

  public static final String NO_STAGE = "NONE";

  public CaseFacts {
    cases = List.copyOf(cases);
  }

  public static CaseFacts of(List<OpenCase> open) {
    List<CaseNumber> numbers = open.stream().map(OpenCase::caseNumber).distinct().toList();
    long total = open.stream().map(OpenCase::outstanding).reduce(Money.ZERO, Money::plus).cents();
    String highest = open.stream().map(OpenCase::stage).max(Comparator.naturalOrder())
        .map(Enum::name).orElse(NO_STAGE);
    boolean compensation = open.stream().anyMatch(c -> c.kind() == OpenCase.Kind.COMPENSATION_ORDER);
    return new CaseFacts(numbers, total, highest, compensation);
  }

  public long caseCount() {
    return cases.size();
  }

  public String totalOutstandingText() {
    return Money.ofCents(totalOutstandingCents).toDutch();
  }
}
