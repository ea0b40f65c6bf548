package nl.noodrem.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CaseNumberTest {

  @ParameterizedTest
  @ValueSource(strings = {"1234567890123456", "WAHV-2026-000123", "OM12AB"})
  void of_wellFormed_isAccepted(String text) {
    assertThat(CaseNumber.of(text).value()).isEqualTo(text);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "12345", "abc-123456", "-123456", "123456-", "12--3456", "1234 5678",
      "123456789012345678901234567890123"})
  void of_malformed_isRejected(String text) {
    assertThatThrownBy(() -> CaseNumber.of(text)).isInstanceOf(InvalidValueException.class);
  }
}
