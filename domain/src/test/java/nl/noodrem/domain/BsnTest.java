package nl.noodrem.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BsnTest {

  @ParameterizedTest
  @ValueSource(strings = {"123456782", "999993653", "111222333"})
  void of_validElevenProof_isAccepted(String digits) {
    assertThat(Bsn.of(digits).digits()).isEqualTo(digits);
  }

  @Test
  void of_null_isRejected() {
    assertThatThrownBy(() -> Bsn.of(null)).isInstanceOf(InvalidValueException.class).hasMessage("BSN is missing");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "12345678", "1234567820", " 123456782"})
  void of_wrongLength_isRejected(String text) {
    assertThatThrownBy(() -> Bsn.of(text))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("exactly 9 digits");
  }

  @ParameterizedTest
  @ValueSource(strings = {"12345678a", "1234-6782", "１２３４５６７８２"})
  void of_nonDigits_isRejected(String text) {
    assertThatThrownBy(() -> Bsn.of(text)).isInstanceOf(InvalidValueException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"123456789", "999993654", "123456781"})
  void of_failingElevenProof_isRejected(String text) {
    assertThatThrownBy(() -> Bsn.of(text))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("BSN fails the 11-proof");
  }

  @Test
  void of_allZeros_isRejected() {
    assertThatThrownBy(() -> Bsn.of("000000000")).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void rejection_neverEchoesTheInput() {
    assertThatThrownBy(() -> Bsn.of("123456789")).message().doesNotContain("123456789");
  }

  @Test
  void toString_masksAllButLastTwoDigits() {
    String text = Bsn.of("123456782").toString();
    assertThat(text).doesNotContain("1234567").endsWith("82]");
  }

  @Test
  void equals_sameDigits_isEqual() {
    assertThat(Bsn.of("123456782")).isEqualTo(Bsn.of("123456782")).isNotEqualTo(Bsn.of("999993653"));
    assertThat(Bsn.of("123456782").hashCode()).isEqualTo(Bsn.of("123456782").hashCode());
  }

  @Test
  void isValid_neverThrows() {
    assertThat(Bsn.isValid(null)).isFalse();
    assertThat(Bsn.isValid("abc")).isFalse();
    assertThat(Bsn.isValid("999993653")).isTrue();
  }
}
