package nl.noodrem.processes.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.LocalDate;
import java.util.List;
import nl.noodrem.domain.CaseNumber;
import nl.noodrem.processes.port.AuditAction;
import nl.noodrem.processes.support.Fixture;
import org.junit.jupiter.api.Test;

class BrakeStepsTest {

  private final Fixture f = new Fixture(mockEngine());

  @org.junit.jupiter.api.AfterEach
  void resetClock() {
    org.camunda.bpm.engine.impl.util.ClockUtil.reset();
  }

  @Test
  void extendHold_beyondTwentyFourMonthsFromToday_isCappedAndAudited() throws Exception {
    BrakeSteps.SentCommand sent = f.brakeSteps.extendHold("NR-AAAAAAAA", List.of(CaseNumber.of("WAHV000000000001")),
        Fixture.TODAY.plusMonths(20), 8, 3, true);

    assertThat(sent.period().end()).isEqualTo(Fixture.TODAY.plusMonths(24));
    assertThat(sent.commandId()).startsWith("NR-AAAAAAAA/hold/x3/");
    assertThat(f.audit.records).anyMatch(r -> r.action() == AuditAction.HOLD_DECIDED
        && r.detail().contains("capped"));
  }

  @Test
  void extendHold_afterTheEndPassedDuringReview_extendsFromToday() throws Exception {
    BrakeSteps.SentCommand sent = f.brakeSteps.extendHold("NR-AAAAAAAA", List.of(CaseNumber.of("WAHV000000000001")),
        LocalDate.of(2026, 1, 10), 8, 1, true);

    assertThat(sent.period().start()).isEqualTo(Fixture.TODAY);
    assertThat(sent.period().end()).isEqualTo(LocalDate.of(2026, 9, 15));
  }

  @Test
  void extendHold_decisionKeepsSurcharges_commandToTheCollectionSystemSaysSo() throws Exception {
    f.brakeSteps.extendHold("NR-AAAAAAAA", List.of(CaseNumber.of("WAHV000000000001")), Fixture.TODAY.plusMonths(4), 8,
        1, false);

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
