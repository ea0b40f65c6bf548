package nl.noodrem.processes.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import nl.noodrem.camel.api.HoldCommand;
import nl.noodrem.camel.api.WgsAnswer;
import nl.noodrem.domain.HoldPeriod;
import nl.noodrem.processes.support.Fixture;
import nl.noodrem.processes.support.TestEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/**
 * R8 with both models: a citizen whose request for a proof of debt help waits for the municipality's counsellor is
 * not held against that delay. Coverage of the models is asserted in their own process tests.
 */
@Deployment(resources = {"bpmn/emergency-brake.bpmn", "dmn/hold-decision.dmn", "bpmn/credential-issuance.bpmn"})
class LeniencyWhileMunicipalityDecidesTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder()
      .useProcessEngine(TestEngine.plainConfiguration().buildProcessEngine()).build();

  private Fixture f;
  private BrakeTestSupport brake;

  @BeforeEach
  void setUp(ProcessEngine engine) {
    f = new Fixture(engine);
    brake = new BrakeTestSupport(f);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void firstHoldEndsSoon_aCounsellorStillDecidesTheCitizensRequest_extendsTheHoldByTwoMonths() throws Exception {
    when(f.registry.lookup(any(), any())).thenReturn(new WgsAnswer.Unclear("decision pending", "GEM-1"));
    f.issuanceService.startIssuance(Fixture.CITIZEN, Fixture.MUNICIPALITY);
    f.runDueJobs();
    brake.brakeWaitingForProof();

    f.fireTimer("Event_FirstHoldEndsSoon");

    ArgumentCaptor<HoldCommand> holds = ArgumentCaptor.forClass(HoldCommand.class);
    verify(f.collectionSystem, times(2)).sendHold(holds.capture());
    assertThat(holds.getValue().period()).isEqualTo(new HoldPeriod(Fixture.TODAY, LocalDate.of(2026, 7, 15)));
  }
}
