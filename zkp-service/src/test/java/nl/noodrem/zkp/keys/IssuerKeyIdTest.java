package nl.noodrem.zkp.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.noodrem.domain.Oin;
import nl.noodrem.zkp.MalformedInputException;
import org.junit.jupiter.api.Test;

class IssuerKeyIdTest {

  @Test
  void parse_wellFormedId_exposesOinAndSequence() throws Exception {
    IssuerKeyId id = IssuerKeyId.parse("00000001002220647000-k12");

    assertThat(id.issuerOin()).isEqualTo(Oin.of("00000001002220647000"));
    assertThat(id.sequence()).isEqualTo(12);
    assertThat(id.next().value()).isEqualTo("00000001002220647000-k13");
  }

  @Test
  void parse_longestId_fitsInBytes32() throws Exception {
    IssuerKeyId id = IssuerKeyId.parse("00000001002220647000-k2147483647");
    assertThat(id.value().length()).isLessThanOrEqualTo(IssuerKeyId.MAX_LENGTH);
  }

  @Test
  void parse_malformedIds_areRejected() {
    for (String bad : new String[] {"", "00000001002220647000", "00000001002220647000-k0", "0000000100222064700-k1",
        "00000001002220647000-k01", "00000001002220647000-k9999999999", "00000001002220647000-K1",
        "x0000001002220647000-k1", "00000001002220647000-k1 "}) {
      assertThatThrownBy(() -> IssuerKeyId.parse(bad)).as(bad).isInstanceOf(MalformedInputException.class);
    }
    assertThatThrownBy(() -> IssuerKeyId.parse(null)).isInstanceOf(MalformedInputException.class);
  }
}
