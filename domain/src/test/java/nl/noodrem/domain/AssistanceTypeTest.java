package nl.noodrem.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AssistanceTypeTest {

  @ParameterizedTest
  @EnumSource(AssistanceType.class)
  void fromCode_everyCode_roundTrips(AssistanceType type) {
    assertThat(AssistanceType.fromCode(type.name())).isSameAs(type);
    assertThat(type.dutchLabel()).isNotBlank();
    assertThat(type.englishLabel()).isNotBlank();
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "msnp", "SCHULDSANERING"})
  void fromCode_unknown_isRejected(String code) {
    assertThatThrownBy(() -> AssistanceType.fromCode(code))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("MSNP");
  }

  @Test
  void codes_includeTheRoutesOfDomainMd() {
    assertThat(AssistanceType.values()).contains(AssistanceType.MSNP, AssistanceType.WSNP,
        AssistanceType.STABILISATIE, AssistanceType.BUDGETBEHEER);
  }
}
