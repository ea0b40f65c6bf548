package nl.noodrem.processes.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nl.noodrem.camel.api.DeliveryException;
import nl.noodrem.camel.api.HoldAcknowledgement;
import nl.noodrem.camel.api.ProcessGateway;
import nl.noodrem.domain.CaseNumber;
import nl.noodrem.domain.HoldPeriod;
import nl.noodrem.domain.event.CredentialStatusChanged;
import nl.noodrem.domain.event.HoldLifted;
import nl.noodrem.domain.event.HoldPlaced;
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

/** Deliveries that reach no process, or not yet. The correlating ones are in the process tests. */
@Deployment(resources = {"bpmn/emergency-brake.bpmn", "dmn/hold-decision.dmn"})
class DefaultProcessGatewayTest {

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
  void holdAcknowledged_unknownBrake_isNotNeeded() throws Exception {
    assertThat(f.gateway.holdAcknowledged(ack("NR-UNKNOWN1/hold/first/0123456789abcdef01234567", "NR-UNKNOWN1")))
        .isEqualTo(ProcessGateway.Delivery.NOT_NEEDED);
  }

  @Test
  void holdAcknowledged_beforeTheBrakeWaitsForIt_isRetryable() throws Exception {
    brake.givenTwoOrdinaryCases();
    var pulled = f.brakeService.pullBrake(Fixture.CITIZEN, true);
    var early = ack(pulled.brakeRef() + "/hold/first/0123456789abcdef01234567", pulled.brakeRef());

    assertThatThrownBy(() -> f.gateway.holdAcknowledged(early)).isInstanceOfSatisfying(DeliveryException.class,
        e -> assertThat(e.retryable()).isTrue());
    // that the redelivery then correlates needs the real transaction rollback: ProcessesConfigurationTest
  }

  @Test
  void holdAcknowledged_ofAnAcceptedPaymentPlan_isRecordedAndNotNeeded() throws Exception {
    var ack = new HoldAcknowledgement("NR-ENDED001/plan/accepted/0123456789abcdef01234567", "NR-ENDED001",
        HoldAcknowledgement.Action.PAYMENT_PLAN, List.of(CaseNumber.of("WAHV000000000001")), List.of(), null);

    assertThat(f.gateway.holdAcknowledged(ack)).isEqualTo(ProcessGateway.Delivery.NOT_NEEDED);
    assertThat(f.audit.records).anyMatch(r -> r.reference().equals("NR-ENDED001")
        && r.detail().startsWith("PAYMENT_PLAN"));
  }

  @Test
  void holdEvents_fromTheCollectionSystem_areNotNeeded() throws Exception {
    var citizen = f.citizenRef();
    var period = HoldPeriod.firstHold(Fixture.TODAY);

    assertThat(f.gateway.deliver(new HoldPlaced("x", Fixture.NOW, citizen, CaseNumber.of("WAHV000000000001"),
        period))).isEqualTo(ProcessGateway.Delivery.NOT_NEEDED);
    assertThat(f.gateway.deliver(new HoldLifted("y", Fixture.NOW, citizen, CaseNumber.of("WAHV000000000001"),
        HoldLifted.Reason.PERIOD_ENDED))).isEqualTo(ProcessGateway.Delivery.NOT_NEEDED);
  }

  @Test
  void credentialStatusChanged_unrevoked_isNotNeeded() throws Exception {
    assertThat(f.gateway.deliver(new CredentialStatusChanged("block-1:0", Fixture.NOW, 7, 41, false, 1)))
        .isEqualTo(ProcessGateway.Delivery.NOT_NEEDED);
  }

  private static HoldAcknowledgement ack(String commandId, String brakeRef) {
    return new HoldAcknowledgement(commandId, brakeRef, HoldAcknowledgement.Action.HOLD,
        List.of(CaseNumber.of("WAHV000000000001")), List.of(), null);
  }
}
