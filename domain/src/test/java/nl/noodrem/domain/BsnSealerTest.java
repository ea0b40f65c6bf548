package nl.noodrem.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BsnSealerTest {

  private static final byte[] KEY = new byte[32];

  static {
    Arrays.fill(KEY, (byte) 7);
  }

  @Test
  void open_sealedValue_givesTheBsnBack() {
    var sealer = new BsnSealer(KEY);
    assertThat(sealer.open(sealer.seal(Bsn.of("999993653")))).isEqualTo(Bsn.of("999993653"));
  }

  @Test
  void seal_sameBsnTwice_differs() {
    var sealer = new BsnSealer(KEY);
    assertThat(sealer.seal(Bsn.of("999993653"))).isNotEqualTo(sealer.seal(Bsn.of("999993653")));
  }

  @Test
  void seal_neverContainsTheDigits() {
    assertThat(new BsnSealer(KEY).seal(Bsn.of("999993653")).value()).doesNotContain("999993653");
  }

  @Test
  void open_tampered_isRejected() {
    var sealer = new BsnSealer(KEY);
    String v = sealer.seal(Bsn.of("999993653")).value();
    // a character in the middle carries ciphertext bits only (the last one may carry unused padding bits)
    int i = v.length() / 2;
    String tampered = v.substring(0, i) + (v.charAt(i) == 'A' ? 'B' : 'A') + v.substring(i + 1);
    assertThatThrownBy(() -> sealer.open(new SealedBsn(tampered))).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void open_otherKey_isRejected() {
    byte[] other = KEY.clone();
    other[0] = 8;
    SealedBsn sealed = new BsnSealer(KEY).seal(Bsn.of("999993653"));
    assertThatThrownBy(() -> new BsnSealer(other).open(sealed)).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void new_wrongKeyLength_isRejected() {
    assertThatThrownBy(() -> new BsnSealer(new byte[16])).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new BsnSealer(null)).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void sealedBsn_malformed_isRejected() {
    assertThatThrownBy(() -> new SealedBsn("999993653")).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new SealedBsn(null)).isInstanceOf(InvalidValueException.class);
  }
}
