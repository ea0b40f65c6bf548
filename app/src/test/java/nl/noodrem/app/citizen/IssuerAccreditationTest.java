package nl.noodrem.app.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import nl.noodrem.app.chain.ChainConnection;
import nl.noodrem.domain.Oin;
import nl.noodrem.ledger.IssuerInfo;
import nl.noodrem.ledger.Ledger;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

class IssuerAccreditationTest {

  private static final Oin DEN_HAAG = Oin.of("00000001002220647000");
  private final Ledger ledger = mock(Ledger.class);
  private final IssuerAccreditation accreditation = new IssuerAccreditation(new ChainConnection("test", ledger,
      Optional.empty(), Map.of(DEN_HAAG, Credentials.create("0x1")), 0));

  @Test
  void of_activeIssuerWeWriteFor_accredited() {
    when(ledger.issuer(DEN_HAAG)).thenReturn(Optional.of(issuer(DEN_HAAG, true)));
    assertThat(accreditation.of(DEN_HAAG)).isEqualTo(IssuerAccreditation.Verdict.ACCREDITED);
  }

  @Test
  void of_unknownOnChain_notAccredited() {
    Oin other = Oin.of("00000001999999999000");
    when(ledger.issuer(other)).thenReturn(Optional.empty());
    assertThat(accreditation.of(other)).isEqualTo(IssuerAccreditation.Verdict.NOT_ACCREDITED);
  }

  @Test
  void of_accreditedButNoWritingAccountHere_notAccredited() {
    Oin other = Oin.of("00000001999999999000");
    when(ledger.issuer(other)).thenReturn(Optional.of(issuer(other, true)));
    assertThat(accreditation.of(other)).isEqualTo(IssuerAccreditation.Verdict.NOT_ACCREDITED);
  }

  @Test
  void of_suspended_suspended() {
    when(ledger.issuer(DEN_HAAG)).thenReturn(Optional.of(issuer(DEN_HAAG, false)));
    assertThat(accreditation.of(DEN_HAAG)).isEqualTo(IssuerAccreditation.Verdict.SUSPENDED);
  }

  @Test
  void of_chainUnreadable_unavailableNeverAccredited() {
    when(ledger.issuer(DEN_HAAG)).thenThrow(new IllegalStateException("connection refused"));
    assertThat(accreditation.of(DEN_HAAG)).isEqualTo(IssuerAccreditation.Verdict.CHAIN_UNAVAILABLE);
  }

  private static IssuerInfo issuer(Oin oin, boolean active) {
    return new IssuerInfo(oin, "Gemeente", "0xabc", active, Instant.EPOCH, null, 1);
  }
}
