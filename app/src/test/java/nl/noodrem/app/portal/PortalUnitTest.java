package nl.noodrem.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.noodrem.domain.Money;
import nl.noodrem.processes.service.BrakeService;
import nl.noodrem.processes.store.JdbcCitizenInbox;
import org.junit.jupiter.api.Test;

/** How the portal reads the brake's state and writes dates and amounts. */
class PortalUnitTest {

  private static final LocalDate END = LocalDate.of(2027, 3, 24);

  @Test
  void stage_noRunningBrake_isNone() {
    assertThat(BrakePageController.stage(Optional.empty(), List.of(), false)).isEqualTo(BrakePageController.Stage.NONE);
  }

  @Test
  void stage_holdNotConfirmedYet_isPlacing() {
    assertThat(BrakePageController.stage(brake(null, false), List.of(), false))
        .isEqualTo(BrakePageController.Stage.PLACING);
  }

  @Test
  void stage_holdPlacedAndProofExpected_isFirstHold() {
    assertThat(BrakePageController.stage(brake(END, true), List.of(notice("HOLD_PLACED", "NR-ABCDEFGH")), false))
        .isEqualTo(BrakePageController.Stage.FIRST_HOLD);
  }

  @Test
  void stage_proofAcceptedAndDecisionUnderWay_isProcessing() {
    assertThat(BrakePageController.stage(brake(END, false), List.of(), false))
        .isEqualTo(BrakePageController.Stage.PROCESSING);
  }

  @Test
  void stage_proofAcceptedAndACaseOfficerToDecide_isReview() {
    assertThat(BrakePageController.stage(brake(END, false), List.of(), true)).isEqualTo(BrakePageController.Stage.REVIEW);
  }

  @Test
  void stage_extendedNoticeForThisBrake_isExtended() {
    assertThat(BrakePageController.stage(brake(END, true), List.of(notice("HOLD_EXTENDED", "NR-ABCDEFGH")), false))
        .isEqualTo(BrakePageController.Stage.EXTENDED);
  }

  @Test
  void stage_extendedNoticeOfAnEarlierBrake_isFirstHold() {
    assertThat(BrakePageController.stage(brake(END, true), List.of(notice("HOLD_EXTENDED", "NR-OLDBRAKE")), false))
        .isEqualTo(BrakePageController.Stage.FIRST_HOLD);
  }

  @Test
  void date_inDutchAndEnglish_isWrittenOut() {
    assertThat(PortalLocales.date(END, PortalLocales.DUTCH)).isEqualTo("24 maart 2027");
    assertThat(PortalLocales.date(END, PortalLocales.ENGLISH)).isEqualTo("24 March 2027");
  }

  @Test
  void money_inDutchAndEnglish_usesEachLanguagesNotation() {
    Money amount = Money.ofCents(123_456);
    assertThat(PortalLocales.money(amount, PortalLocales.DUTCH)).isEqualTo("€ 1.234,56");
    assertThat(PortalLocales.money(amount, PortalLocales.ENGLISH)).isEqualTo("€1,234.56");
  }

  @Test
  void supported_anyLanguageButEnglish_isDutch() {
    assertThat(PortalLocales.supported(Locale.FRENCH)).isEqualTo(PortalLocales.DUTCH);
    assertThat(PortalLocales.supported(Locale.US)).isEqualTo(PortalLocales.ENGLISH);
    assertThat(PortalLocales.supported(null)).isEqualTo(PortalLocales.DUTCH);
  }

  @Test
  void screenshotDirectory_relative_isTakenFromTheRepositoryRoot() {
    assertThat(PortalBrowser.screenshotDirectory("")).isNull();
    assertThat(PortalBrowser.screenshotDirectory("docs/screenshots").toString()).endsWith("docs/screenshots")
        .doesNotContain("/app/docs");
  }

  private static Optional<BrakeService.BrakeView> brake(LocalDate holdEnd, boolean acceptsProof) {
    return Optional.of(new BrakeService.BrakeView("NR-ABCDEFGH", Optional.ofNullable(holdEnd), acceptsProof));
  }

  private static JdbcCitizenInbox.InboxMessage notice(String type, String reference) {
    return new JdbcCitizenInbox.InboxMessage("n-1", type, reference, "tekst", "text", Instant.parse("2026-11-24T10:00:00Z"));
  }
}
