package nl.noodrem.processes.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import nl.noodrem.camel.api.ProcessGateway;
import nl.noodrem.camel.api.WgsAnswer;
import nl.noodrem.domain.AssistanceType;
import nl.noodrem.domain.Oin;
import nl.noodrem.domain.event.DebtHelpEnded;
import nl.noodrem.processes.ProcessKeys;
import nl.noodrem.processes.port.SignedCredential;
import nl.noodrem.processes.port.StatusSlot;
import nl.noodrem.processes.service.IssuanceService.NotCollectableException;
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

/**
 * The municipality's "debt help ended" through the gateway: it revokes issued credentials (credential-revocation)
 * and ends the requests still on their way, so nothing new can be collected afterwards. Coverage of the models is
 * asserted in their own process tests.
 */
@Deployment(resources = {"bpmn/credential-issuance.bpmn", "bpmn/credential-revocation.bpmn"})
class DebtHelpEndedGatewayTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder()
      .useProcessEngine(TestEngine.plainConfiguration().buildProcessEngine()).build();

  private static final WgsAnswer.Decided DECIDED = new WgsAnswer.Decided(AssistanceType.MSNP,
      LocalDate.of(2026, 1, 10), LocalDate.of(2026, 2, 1), "GEM-2026-0042", 4_200_000, 13, "counsellor-7");
  private static final Oin OTHER_MUNICIPALITY = Oin.of("00000001003214345000");

  private Fixture f;

  @BeforeEach
  void setUp(ProcessEngine engine) throws Exception {
    f = new Fixture(engine);
    when(f.statusLists.allocate(any())).thenReturn(new StatusSlot(3, 1001));
    when(f.signer.sign(any())).thenReturn(new SignedCredential("{\"credential\":\"signed\"}"));
    when(f.registry.lookup(any(), any())).thenReturn(DECIDED);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void deliverDebtHelpEnded_approvedCredentialNotYetCollected_canNoLongerBeCollected() throws Exception {
    String here = f.issuanceService.startIssuance(Fixture.CITIZEN, Fixture.MUNICIPALITY).issuanceRef();
    String elsewhere = f.issuanceService.startIssuance(Fixture.CITIZEN, OTHER_MUNICIPALITY).issuanceRef();
    f.runDueJobs();

    assertThat(f.gateway.deliver(ended("batch-7:1"))).isEqualTo(ProcessGateway.Delivery.STARTED);
    f.runDueJobs();

    assertThatThrownBy(() -> f.issuanceService.collectCredential(Fixture.CITIZEN, here))
        .isInstanceOf(NotCollectableException.class);
    // help at another municipality is not this record's business
    assertThat(f.issuanceService.collectCredential(Fixture.CITIZEN, elsewhere).json()).contains("signed");
    assertThat(f.engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.CREDENTIAL_ISSUANCE).count()).isZero();
  }

  private static DebtHelpEnded ended(String sourceId) {
    return new DebtHelpEnded(sourceId, Fixture.NOW, Fixture.CITIZEN, Fixture.MUNICIPALITY, LocalDate.of(2026, 1, 14),
        DebtHelpEnded.Reason.TERMINATED_BY_MUNICIPALITY);
  }
}
