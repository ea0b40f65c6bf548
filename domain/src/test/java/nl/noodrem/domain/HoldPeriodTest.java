package nl.noodrem.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class HoldPeriodTest {

  private static final LocalDate DAY = LocalDate.of(2026, 11, 24);

  @Test
  void firstHold_lastsFourMonths() {
    HoldPeriod hold = HoldPeriod.firstHold(DAY);
    assertThat(hold.start()).isEqualTo(DAY);
    assertThat(hold.end()).isEqualTo(LocalDate.of(2027, 3, 24));
  }

  @Test
  void extendedBy_eightMonths_givesTwelveFromStart() {
    HoldPeriod hold = HoldPeriod.firstHold(DAY).extendedBy(HoldPeriod.EXTENSION_MONTHS);
    assertThat(hold.end()).isEqualTo(DAY.plusMonths(12));
    assertThat(hold.start()).isEqualTo(DAY);
  }

  @Test
  void covers_startInclusive_endExclusive() {
    HoldPeriod hold = HoldPeriod.firstHold(DAY);
    assertThat(hold.covers(DAY)).isTrue();
    assertThat(hold.covers(DAY.minusDays(1))).isFalse();
    assertThat(hold.covers(hold.end().minusDays(1))).isTrue();
    assertThat(hold.covers(hold.end())).isFalse();
  }

  @Test
  void new_endNotAfterStart_isRejected() {
    assertThatThrownBy(() -> new HoldPeriod(DAY, DAY)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new HoldPeriod(DAY, DAY.minusDays(1))).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void new_missingDates_isRejected() {
    assertThatThrownBy(() -> new HoldPeriod(null, DAY)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new HoldPeriod(DAY, null)).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void new_longerThanMaximum_isRejected() {
    assertThatThrownBy(() -> HoldPeriod.ofMonths(DAY, HoldPeriod.MAX_MONTHS + 1)).isInstanceOf(InvalidValueException.class);
    assertThat(HoldPeriod.ofMonths(DAY, HoldPeriod.MAX_MONTHS).end()).isEqualTo(DAY.plusMonths(24));
  }

  @Test
  void ofMonths_zeroOrNegative_isRejected() {
    assertThatThrownBy(() -> HoldPeriod.ofMonths(DAY, 0)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> HoldPeriod.firstHold(DAY).extendedBy(0)).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void days_countsHeldDays() {
    assertThat(HoldPeriod.ofMonths(LocalDate.of(2026, 1, 1), 1).days()).isEqualTo(31);
  }
}
