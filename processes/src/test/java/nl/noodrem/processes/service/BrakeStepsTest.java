package nl.noodrem.processes.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.LocalDate;
import java.util.List;
import nl.noodrem.domain.CaseNumber;
import nl.noodrem.domain.HoldAuthority;
import nl.noodrem.domain.HoldPeriod;
import nl.noodrem.processes.port.AuditAction;
import nl.noodrem.processes.support.Fixture;
import org.junit.jupiter.api.Test;

class BrakeStepsTest {

  private final Fixture f = new Fixture(mockEngine());

  @org.junit.jupiter.api.AfterEach
  void resetClock() {
    org.camunda.bpm.engine.impl.util.ClockUtil.reset();
  }

  private static final List<CaseNumber> CASES = List.of(CaseNumber.of("WAHV000000000001"));

  @Test
  void extendHold_byTheRulesBeyondTwelveMonthsFromTheFirstHeldDay_isCutAndAudited() throws Exception {
    HoldPeriod current = new HoldPeriod(Fixture.TODAY, Fixture.TODAY.plusMonths(10));

    BrakeSteps.SentCommand sent = f.brakeSteps.extendHold("NR-AAAAAAAA", CASES, current, 8, HoldAuthority.RULES, 3, true);

    assertThat(sent.period()).isEqualTo(new HoldPeriod(Fixture.TODAY, Fixture.TODAY.plusMonths(12)));
    assertThat(sent.commandId()).startsWith("NR-AAAAAAAA/hold/x3/");
    assertThat(f.audit.records).anyMatch(r -> r.action() == AuditAction.HOLD_DECIDED
        && r.detail().contains("cut at 2027-01-15"));
  }

  @Test
  void extendHold_byACaseOfficer_mayReachEighteenMonths() throws Exception {
    HoldPeriod current = HoldPeriod.firstHold(Fixture.TODAY);

    BrakeSteps.SentCommand sent = f.brakeSteps.extendHold("NR-AAAAAAAA", CASES, current, 14,
        HoldAuthority.CASE_OFFICER, 1, true);

    assertThat(sent.period().end()).isEqualTo(Fixture.TODAY.plusMonths(18));
    assertThat(f.audit.records).noneMatch(r -> r.detail().contains("cut at"));
  }

  @Test
  void extendHold_decidedAfterTheOldEndPassed_countsFromTheOldEndNotFromToday() throws Exception {
    HoldPeriod current = new HoldPeriod(LocalDate.of(2025, 9, 10), LocalDate.of(2026, 1, 10));

    BrakeSteps.SentCommand sent = f.brakeSteps.extendHold("NR-AAAAAAAA", CASES, current, 8, HoldAuthority.RULES, 1, true);

    assertThat(sent.period().start()).isEqualTo(LocalDate.of(2025, 9, 10));
    assertThat(sent.period().end()).isEqualTo(LocalDate.of(2026, 9, 10));
  }

  @Test
  void correctHoldEnd_beyondTheAuthoritysCeiling_isRefusedAndSendsNothing() throws Exception {
    HoldPeriod current = HoldPeriod.firstHold(Fixture.TODAY);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.brakeSteps.correctHoldEnd("NR-AAAAAAAA", CASES,
        current, Fixture.TODAY.plusMonths(13), HoldAuthority.RULES, 1))
        .isInstanceOf(nl.noodrem.domain.InvalidValueException.class);
    org.mockito.Mockito.verifyNoInteractions(f.collectionSystem);
  }

  @Test
  void extendHold_decisionKeepsSurcharges_commandToTheCollectionSystemSaysSo() throws Exception {
    f.brakeSteps.extendHold("NR-AAAAAAAA", CASES, HoldPeriod.firstHold(Fixture.TODAY), 8, HoldAuthority.RULES, 1,
        false);

    var command = org.mockito.ArgumentCaptor.forClass(nl.noodrem.camel.api.HoldCommand.class);
    org.mockito.Mockito.verify(f.collectionSystem).sendHold(command.capture());
    assertThat(command.getValue().suspendSurcharges()).isFalse();
    assertThat(command.getValue().commandId()).isNotEqualTo(new nl.noodrem.camel.api.HoldCommand("NR-AAAAAAAA", "x1",
        command.getValue().cases(), command.getValue().period(), true).commandId());
  }

  private static org.camunda.bpm.engine.ProcessEngine mockEngine() {
    org.camunda.bpm.engine.ProcessEngine engine = mock(org.camunda.bpm.engine.ProcessEngine.class);
    org.mockito.Mockito.when(engine.getRuntimeService()).thenReturn(mock(org.camunda.bpm.engine.RuntimeService.class));
    return engine;
  }
}
