package nl.noodrem.processes.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hold-decision table on its own: every rule, and that the order of the rules (hit policy FIRST) decides. */
@Deployment(resources = "dmn/hold-decision.dmn")
class HoldDecisionTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder()
      .useProcessEngine(nl.noodrem.processes.support.TestEngine.plainConfiguration().buildProcessEngine()).build();

  private ProcessEngine engine;

  @BeforeEach
  void setUp(ProcessEngine engine) {
    this.engine = engine;
  }

  /** An ordinary citizen: MSNP started, two fines at the first reminder, no history. */
  private static Map<String, Object> ordinary() {
    Map<String, Object> facts = new HashMap<>();
    facts.put("assistanceType", "MSNP");
    facts.put("highestStage", "FIRST_REMINDER");
    facts.put("hasCompensationOrder", false);
    facts.put("totalOutstandingCents", 53_500L);
    facts.put("previousBrakes", 0L);
    facts.put("extensionsGranted", 0L);
    facts.put("helpStarted", true);
    facts.put("outstandingReviewThresholdCents", 500_000L);
    facts.put("repeatedBrakesThreshold", 2L);
    facts.put("extensionsWithoutReview", 2L);
    facts.put("defaultExtensionMonths", 8L);
    return facts;
  }

  private DmnDecisionResultEntries decide(Map<String, Object> facts) {
    return engine.getDecisionService().evaluateDecisionByKey("hold-decision").variables(facts).evaluate()
        .getSingleResult();
  }

  @Test
  void decide_ordinaryCase_standardEightMonthsWithoutReview() {
    DmnDecisionResultEntries result = decide(ordinary());

    assertThat((Map<String, Object>) result).containsEntry("holdMonths", 8L).containsEntry("suspendSurcharges", true)
        .containsEntry("offerPaymentPlan", true).containsEntry("reviewRequired", false)
        .containsEntry("reason", "Standard noodstop extension on proof of debt help");
  }

  @Test
  void decide_defaultMonthsFromConfiguration_areUsed() {
    Map<String, Object> facts = ordinary();
    facts.put("defaultExtensionMonths", 10L);

    assertThat((Object) decide(facts).getEntry("holdMonths")).isEqualTo(10L);
  }

  @Test
  void decide_helpNotStartedYet_isNotHeldAgainstTheCitizen() {
    Map<String, Object> facts = ordinary();
    facts.put("helpStarted", false);

    DmnDecisionResultEntries result = decide(facts);

    assertThat((Object) result.getEntry("reviewRequired")).isEqualTo(false);
    assertThat((Object) result.getEntry("holdMonths")).isEqualTo(8L);
    assertThat((String) result.getEntry("reason")).startsWith("Help decided, start pending");
  }

  @ParameterizedTest(name = "{0}={1} asks a case officer: {2}")
  @CsvSource(delimiter = '|', value = {
      "assistanceType|WSNP|WSNP: court-ordered scheme",
      "highestStage|BAILIFF|Bailiff or coercive measures",
      "highestStage|COERCIVE_MEASURE|Bailiff or coercive measures",
      "hasCompensationOrder|true|Victim compensation order",
      "totalOutstandingCents|500001|Total outstanding above the review threshold",
      "previousBrakes|2|Repeated brakes",
      "extensionsGranted|2|Hold already extended"})
  void decide_exception_asksACaseOfficer(String fact, String value, String reason) {
    Map<String, Object> facts = ordinary();
    facts.put(fact, typed(fact, value));

    DmnDecisionResultEntries result = decide(facts);

    assertThat((Object) result.getEntry("reviewRequired")).isEqualTo(true);
    assertThat((String) result.getEntry("reason")).startsWith(reason);
  }

  @Test
  void decide_atTheThresholds_noReview() {
    Map<String, Object> facts = ordinary();
    facts.put("totalOutstandingCents", 500_000L);
    facts.put("previousBrakes", 1L);
    facts.put("extensionsGranted", 1L);

    assertThat((Object) decide(facts).getEntry("reviewRequired")).isEqualTo(false);
  }

  @Test
  void decide_wsnp_proposesTwelveMonthsAndWinsOverLaterExceptions() {
    Map<String, Object> facts = ordinary();
    facts.put("assistanceType", "WSNP");
    facts.put("highestStage", "BAILIFF");
    facts.put("previousBrakes", 5L);

    DmnDecisionResultEntries result = decide(facts);

    assertThat((Object) result.getEntry("holdMonths")).isEqualTo(12L);
    assertThat((String) result.getEntry("reason")).startsWith("WSNP");
  }

  @Test
  void decisionDefinition_hasAHistoryTimeToLive() {
    DecisionDefinition definition = engine.getRepositoryService().createDecisionDefinitionQuery()
        .decisionDefinitionKey("hold-decision").singleResult();

    assertThat(definition.getHistoryTimeToLive()).isEqualTo(180);
  }

  private static Object typed(String fact, String value) {
    return switch (fact) {
      case "hasCompensationOrder" -> Boolean.valueOf(value);
      case "totalOutstandingCents", "previousBrakes", "extensionsGranted" -> Long.valueOf(value);
      default -> value;
    };
  }
}
