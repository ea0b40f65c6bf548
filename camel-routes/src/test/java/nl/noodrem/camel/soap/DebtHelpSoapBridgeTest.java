package nl.noodrem.camel.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import nl.noodrem.camel.api.DebtHelpRegistry;
import nl.noodrem.camel.api.DebtHelpRegistryException;
import nl.noodrem.camel.api.WgsAnswer;
import nl.noodrem.camel.support.BridgeIntegrationTest;
import nl.noodrem.domain.AssistanceType;
import nl.noodrem.domain.Bsn;
import nl.noodrem.domain.Oin;
import nl.noodrem.standin.MunicipalDebtHelpSoapStandin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The CXF client route against the stand-in's SOAP server, over HTTP on loopback. */
class DebtHelpSoapBridgeTest extends BridgeIntegrationTest {

  private static final Oin DEN_HAAG = Oin.of("00000001999990001000");
  private static final Oin EINDHOVEN = Oin.of("00000001999990002000");

  @Autowired
  DebtHelpRegistry registry;

  @Autowired
  MunicipalDebtHelpSoapStandin standin;

  @Test
  void lookup_grantedDecision_isDecidedWithAllFacts() throws Exception {
    WgsAnswer answer = registry.lookup(DEN_HAAG, Bsn.of("999993653"));

    assertThat(answer).isEqualTo(new WgsAnswer.Decided(AssistanceType.MSNP, LocalDate.of(2025, 1, 15),
        LocalDate.of(2025, 2, 1), "DH-SHV-2025-0001", 4_215_000L, 13, "SHV-DH-017"));
  }

  @Test
  void lookup_wsnpInOtherMunicipality_isDecided() throws Exception {
    WgsAnswer answer = registry.lookup(EINDHOVEN, Bsn.of("123456782"));

    assertThat(answer).isInstanceOfSatisfying(WgsAnswer.Decided.class,
        d -> assertThat(d.assistanceType()).isEqualTo(AssistanceType.WSNP));
  }

  @Test
  void lookup_decisionUnderObjection_isUnclearWithCaseId() throws Exception {
    WgsAnswer answer = registry.lookup(DEN_HAAG, Bsn.of("111222333"));

    assertThat(answer).isEqualTo(new WgsAnswer.Unclear("Beschikking in bezwaar", "DH-SHV-2025-0002"));
  }

  @Test
  void lookup_unknownCitizen_isNone() throws Exception {
    assertThat(registry.lookup(DEN_HAAG, Bsn.of("999990032"))).isInstanceOf(WgsAnswer.None.class);
  }

  @Test
  void lookup_helpEnded_isNone() throws Exception {
    assertThat(registry.lookup(EINDHOVEN, Bsn.of("999991772")))
        .isEqualTo(new WgsAnswer.None("Traject afgerond"));
  }

  @Test
  void lookup_municipalityNotInRegister_throwsWithFaultCode() {
    assertThatThrownBy(() -> registry.lookup(Oin.of("00000001999990099000"), Bsn.of("999993653")))
        .isInstanceOf(DebtHelpRegistryException.class)
        .hasMessageContaining("ONBEKENDE_GEMEENTE")
        .hasMessageNotContaining("999993653");
  }

  @Test
  void lookup_registerUnavailable_throwsWithFaultCode() {
    standin.setUnavailable(true);
    try {
      assertThatThrownBy(() -> registry.lookup(DEN_HAAG, Bsn.of("999993653")))
          .isInstanceOf(DebtHelpRegistryException.class)
          .hasMessageContaining("NIET_BESCHIKBAAR");
    } finally {
      standin.setUnavailable(false);
    }
  }

  @Test
  void lookup_registerUnreachable_throwsCouldNotBeReached() {
    // a municipality whose register address points at a closed port
    SoapDebtHelpRegistry unreachable = new SoapDebtHelpRegistry(camel.createProducerTemplate(),
        java.util.Map.of(DEN_HAAG.value(), "http://127.0.0.1:1/services/nowhere"));

    assertThatThrownBy(() -> unreachable.lookup(DEN_HAAG, Bsn.of("999993653")))
        .isInstanceOf(DebtHelpRegistryException.class)
        .hasMessageContaining("could not be reached");
  }
}
