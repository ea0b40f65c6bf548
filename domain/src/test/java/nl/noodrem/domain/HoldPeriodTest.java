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
  void new_longerThanACaseOfficerMayGrant_isRejectedWhateverTheCaller() {
    assertThatThrownBy(() -> new HoldPeriod(DAY, DAY.plusMonths(18).plusDays(1)))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("18 months");
    assertThat(new HoldPeriod(DAY, DAY.plusMonths(18)).end()).isEqualTo(LocalDate.of(2028, 5, 24));
  }

  @Test
  void ofMonths_beyondWhatTheRulesGrant_isRejected() {
    assertThatThrownBy(() -> HoldPeriod.ofMonths(DAY, 13)).isInstanceOf(InvalidValueException.class);
    assertThat(HoldPeriod.ofMonths(DAY, 12).end()).isEqualTo(DAY.plusMonths(12));
  }

  @Test
  void extendedBy_countsFromTheOldEndNotFromToday() {
    HoldPeriod hold = new HoldPeriod(DAY, DAY.plusMonths(2)).extendedBy(3);
    assertThat(hold.end()).isEqualTo(DAY.plusMonths(5));
  }

  @Test
  void extendedBy_rulesAlone_isCutAtTwelveMonthsFromTheStart() {
    HoldPeriod twelve = HoldPeriod.firstHold(DAY).extendedBy(8);

    assertThat(twelve.extendedBy(8).end()).isEqualTo(DAY.plusMonths(12));
    assertThat(HoldPeriod.firstHold(DAY).extendedBy(12).end()).isEqualTo(DAY.plusMonths(12));
    assertThat(HoldPeriod.firstHold(DAY).extensionIsCut(12, HoldAuthority.RULES)).isTrue();
    assertThat(HoldPeriod.firstHold(DAY).extensionIsCut(8, HoldAuthority.RULES)).isFalse();
  }

  @Test
  void extendedBy_caseOfficer_mayReachEighteenMonthsAndNoFurther() {
    HoldPeriod hold = HoldPeriod.firstHold(DAY);

    assertThat(hold.extendedBy(12, HoldAuthority.CASE_OFFICER).end()).isEqualTo(DAY.plusMonths(16));
    assertThat(hold.extendedBy(12, HoldAuthority.CASE_OFFICER).extendedBy(8, HoldAuthority.CASE_OFFICER).end())
        .isEqualTo(DAY.plusMonths(18));
  }

  @Test
  void extendedBy_periodPastTheRulesCeiling_isNeverShortened() {
    HoldPeriod sixteen = new HoldPeriod(DAY, DAY.plusMonths(16));

    assertThat(sixteen.extendedBy(8, HoldAuthority.RULES)).isEqualTo(sixteen);
  }

  @Test
  void endingOn_withinTheAuthoritysCeiling_movesTheEnd() {
    HoldPeriod hold = HoldPeriod.firstHold(DAY).extendedBy(8);

    assertThat(hold.endingOn(DAY.plusMonths(6), HoldAuthority.RULES).end()).isEqualTo(DAY.plusMonths(6));
    assertThat(hold.endingOn(DAY.plusMonths(18), HoldAuthority.CASE_OFFICER).end()).isEqualTo(DAY.plusMonths(18));
  }

  @Test
  void endingOn_beyondTheCeilingOrBeforeTheStart_isRejected() {
    HoldPeriod hold = HoldPeriod.firstHold(DAY);

    assertThatThrownBy(() -> hold.endingOn(DAY.plusMonths(12).plusDays(1), HoldAuthority.RULES))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("2027-11-24");
    assertThatThrownBy(() -> hold.endingOn(DAY.plusMonths(18).plusDays(1), HoldAuthority.CASE_OFFICER))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("18 months");
    assertThatThrownBy(() -> hold.endingOn(DAY, HoldAuthority.CASE_OFFICER))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> hold.endingOn(null, HoldAuthority.CASE_OFFICER))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void ofMonths_zeroOrNegative_isRejected() {
    assertThatThrownBy(() -> HoldPeriod.ofMonths(DAY, 0)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> HoldPeriod.firstHold(DAY).extendedBy(0, HoldAuthority.CASE_OFFICER)).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void days_countsHeldDays() {
    assertThat(HoldPeriod.ofMonths(LocalDate.of(2026, 1, 1), 1).days()).isEqualTo(31);
  }
}
