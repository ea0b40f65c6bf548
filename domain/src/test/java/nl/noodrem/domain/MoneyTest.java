package nl.noodrem.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

  @Test
  void ofEuros_twoDecimals_isExactCents() {
    assertThat(Money.ofEuros("123.45").cents()).isEqualTo(12345);
    assertThat(Money.ofEuros("90").cents()).isEqualTo(9000);
  }

  @Test
  void ofCents_negative_isRejected() {
    assertThatThrownBy(() -> Money.ofCents(-1)).isInstanceOf(InvalidValueException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "1.234", "-5", "abc", "1e400"})
  void ofEuros_malformed_isRejected(String text) {
    assertThatThrownBy(() -> Money.ofEuros(text)).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void ofEuros_null_isRejected() {
    assertThatThrownBy(() -> Money.ofEuros(null)).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void minus_belowZero_isRejected() {
    assertThatThrownBy(() -> Money.ofCents(100).minus(Money.ofCents(101))).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void plus_overflow_isRejected() {
    assertThatThrownBy(() -> Money.ofCents(Long.MAX_VALUE).plus(Money.ofCents(1))).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void wahvSurcharges_firstReminderFiftyPercent_secondThreeTimes() {
    Money fine = Money.ofEuros("109.00");
    assertThat(fine.plus(fine.percent(50))).isEqualTo(Money.ofEuros("163.50"));
    assertThat(fine.times(3)).isEqualTo(Money.ofEuros("327.00"));
  }

  @Test
  void times_negativeFactor_isRejected() {
    assertThatThrownBy(() -> Money.ofCents(1).times(-1)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> Money.ofCents(1).percent(-1)).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void toDutch_groupsThousandsWithDotsAndUsesDecimalComma() {
    assertThat(Money.ofCents(123456).toDutch()).isEqualTo("€ 1.234,56");
    assertThat(Money.ofCents(5).toDutch()).isEqualTo("€ 0,05");
  }
}
