package nl.noodrem.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OinTest {

  @Test
  void of_twentyDigits_isAccepted() {
    assertThat(Oin.of("00000001002220647000").value()).isEqualTo("00000001002220647000");
  }

  @Test
  void of_null_isRejected() {
    assertThatThrownBy(() -> Oin.of(null)).isInstanceOf(InvalidValueException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "0000000100222064700", "000000010022206470001"})
  void of_wrongLength_isRejected(String text) {
    assertThatThrownBy(() -> Oin.of(text)).isInstanceOf(InvalidValueException.class).hasMessageContaining("20 digits");
  }

  @Test
  void of_nonDigits_isRejected() {
    assertThatThrownBy(() -> Oin.of("0000000100222064700X"))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("digits only");
  }
}
