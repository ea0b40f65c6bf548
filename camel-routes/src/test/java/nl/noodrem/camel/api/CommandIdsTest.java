package nl.noodrem.camel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import nl.noodrem.domain.CaseNumber;
import nl.noodrem.domain.HoldPeriod;
import nl.noodrem.domain.event.HoldLifted;
import org.junit.jupiter.api.Test;

class CommandIdsTest {

  static final CaseNumber A = CaseNumber.of("2025000000001001");
  static final CaseNumber B = CaseNumber.of("2025000000001002");
  static final HoldPeriod PERIOD = new HoldPeriod(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 5, 5));

  static HoldCommand hold(List<CaseNumber> cases, HoldPeriod period, boolean suspend) {
    return new HoldCommand("NR-ABCDEFGH", "x1", cases, period, suspend);
  }

  @Test
  void commandId_sameCommandBuiltTwice_isTheSame() {
    assertThat(hold(List.of(A, B), PERIOD, true).commandId()).isEqualTo(hold(List.of(A, B), PERIOD, true).commandId());
  }

  @Test
  void commandId_casesInAnotherOrder_isTheSame() {
    assertThat(hold(List.of(B, A), PERIOD, true).commandId()).isEqualTo(hold(List.of(A, B), PERIOD, true).commandId());
  }

  @Test
  void commandId_anotherCaseList_differs() {
    assertThat(hold(List.of(A, B), PERIOD, true).commandId()).isNotEqualTo(hold(List.of(A), PERIOD, true).commandId());
  }

  @Test
  void commandId_anotherEndDate_differs() {
    HoldPeriod later = new HoldPeriod(PERIOD.start(), PERIOD.end().plusDays(1));
    assertThat(hold(List.of(A), later, true).commandId()).isNotEqualTo(hold(List.of(A), PERIOD, true).commandId());
  }

  @Test
  void commandId_surchargesNoLongerSuspended_differs() {
    assertThat(hold(List.of(A), PERIOD, false).commandId()).isNotEqualTo(hold(List.of(A), PERIOD, true).commandId());
  }

  @Test
  void commandId_anotherStepSayingTheSame_differs() {
    assertThat(new HoldCommand("NR-ABCDEFGH", "x2", List.of(A), PERIOD, true).commandId())
        .isNotEqualTo(hold(List.of(A), PERIOD, true).commandId());
  }

  @Test
  void commandId_ofAHold_readsBrakeKindAndStepAndFitsTheCollectionSystemsKey() {
    assertThat(hold(List.of(A), PERIOD, true).commandId()).startsWith("NR-ABCDEFGH/hold/x1/")
        .hasSizeLessThanOrEqualTo(CommandIds.MAX_LENGTH);
  }

  @Test
  void commandId_ofLifts_differsByReasonAndCases() {
    String lift = new LiftCommand("NR-ABCDEFGH", List.of(A), HoldLifted.Reason.NO_PROOF_PRESENTED).commandId();
    assertThat(lift).startsWith("NR-ABCDEFGH/lift/no-proof-presented/").hasSizeLessThanOrEqualTo(CommandIds.MAX_LENGTH);
    assertThat(new LiftCommand("NR-ABCDEFGH", List.of(A), HoldLifted.Reason.PERIOD_ENDED).commandId())
        .isNotEqualTo(lift);
    assertThat(new LiftCommand("NR-ABCDEFGH", List.of(A, B), HoldLifted.Reason.NO_PROOF_PRESENTED).commandId())
        .isNotEqualTo(lift);
  }

  @Test
  void commandId_ofPaymentPlans_differsByInstalments() {
    assertThat(new PaymentPlanCommand("NR-ABCDEFGH", List.of(A), 36).commandId())
        .isNotEqualTo(new PaymentPlanCommand("NR-ABCDEFGH", List.of(A), 24).commandId())
        .startsWith("NR-ABCDEFGH/plan/accepted/");
  }

  @Test
  void holdCommand_stepWithCapitalsOrSlash_isRefused() {
    assertThatThrownBy(() -> new HoldCommand("NR-ABCDEFGH", "X/1", List.of(A), PERIOD, true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step");
  }

  @Test
  void holdCommand_brakeReferenceTooLongForAnId_isRefused() {
    assertThatThrownBy(() -> new HoldCommand("NR-" + "A".repeat(30), "x1", List.of(A), PERIOD, true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("brake reference");
  }

  @Test
  void paymentPlan_withoutInstalments_isRefused() {
    assertThatThrownBy(() -> new PaymentPlanCommand("NR-ABCDEFGH", List.of(A), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("instalments");
  }
}
