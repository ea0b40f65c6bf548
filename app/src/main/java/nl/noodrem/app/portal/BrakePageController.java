package nl.noodrem.app.portal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.noodrem.app.citizen.BrakeReviews;
import nl.noodrem.camel.api.CollectionSystem;
import nl.noodrem.camel.api.CollectionSystemException;
import nl.noodrem.camel.api.OpenCase;
import nl.noodrem.digid.AuthenticatedCitizen;
import nl.noodrem.processes.config.NoodremProcessProperties;
import nl.noodrem.processes.port.NoticeType;
import nl.noodrem.processes.service.BrakeService;
import nl.noodrem.processes.service.PaymentPlanService;
import nl.noodrem.processes.store.JdbcCitizenInbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The brake's pages: pull it with a short self-declaration, then see which cases are held and until when, the
 * deadline for the proof of debt help, what happens next and the citizen's messages; and the page where the wallet
 * presents the proof. Everything acts for the DigiD-authenticated citizen; the BSN never comes from the request.
 */
@Controller
class BrakePageController {

  private static final Logger LOG = LoggerFactory.getLogger(BrakePageController.class);

  /** Where the brake stands, as the citizen can understand it. */
  enum Stage {
    /** No running brake: the citizen may pull it. */
    NONE,
    /** Pulled; CJIB's collection system has not confirmed the hold yet. */
    PLACING,
    /** The first hold (4 months) runs; a proof of debt help is expected before it ends. */
    FIRST_HOLD,
    /** A proof was accepted and the hold decision or its confirmation is under way. */
    PROCESSING,
    /** A proof was accepted; a CJIB case officer decides on the extension before it is placed. */
    REVIEW,
    /** The hold was extended after a proof. */
    EXTENDED
  }

  /**
   * One open case at CJIB, as the page lists it.
   *
   * @param inReview a case officer decides on this case's extension now (the brake is under review and the case is
   *     at the bailiff or coercive stage, the stages that ask for a review)
   */
  record CaseRow(String caseNumber, String kind, String stageCode, String stage, String amount, boolean held,
      String heldUntil, boolean inReview) {}

  /** The collection stages at which the hold decision asks a case officer (hold-decision.dmn). */
  static final java.util.Set<OpenCase.Stage> REVIEWED_STAGES =
      java.util.EnumSet.of(OpenCase.Stage.BAILIFF, OpenCase.Stage.COERCIVE_MEASURE);

  private final BrakeService brakes;
  private final CollectionSystem collection;
  private final CitizenInboxView inbox;
  private final MessageSource texts;
  private final NoodremProcessProperties processProperties;
  private final BrakeReviews reviews;
  private final PaymentPlanService plans;

  BrakePageController(BrakeService brakes, CollectionSystem collection, CitizenInboxView inbox, MessageSource texts,
      NoodremProcessProperties processProperties, BrakeReviews reviews, PaymentPlanService plans) {
    this.reviews = reviews;
    this.plans = plans;
    this.brakes = brakes;
    this.collection = collection;
    this.inbox = inbox;
    this.texts = texts;
    this.processProperties = processProperties;
  }

  @GetMapping("/portaal/noodrem")
  String overview(@AuthenticationPrincipal AuthenticatedCitizen citizen, Locale locale, Model model) {
    Optional<BrakeService.BrakeView> brake = brakes.runningBrake(citizen.bsn());
    List<JdbcCitizenInbox.InboxMessage> messages = inbox.raw(citizen);
    Stage stage = stage(brake, messages, brake.map(b -> reviews.pending(b.brakeRef())).orElse(false));
    model.addAttribute("stage", stage.name());
    model.addAttribute("firstHoldMonths", processProperties.firstHoldMonths());
    model.addAttribute("extensionMonths", processProperties.extensionMonths());
    model.addAttribute("totalMonths", processProperties.firstHoldMonths() + processProperties.extensionMonths());
    brake.ifPresent(view -> {
      model.addAttribute("brakeRef", view.brakeRef());
      view.holdEnd().ifPresent(end -> {
        model.addAttribute("holdEnd", PortalLocales.date(end, locale));
        model.addAttribute("holdEndIso", end.toString());
      });
    });
    model.addAttribute("messages", inbox.messages(messages, locale));
    model.addAttribute("planOffers", plans.offers(citizen.bsn()).stream()
        .collect(java.util.stream.Collectors.toMap(PaymentPlanService.Offer::brakeRef, o -> o, (a, b) -> a)));
    model.addAttribute("casesUnavailable", false);
    try {
      Optional<LocalDate> holdEnd = brake.flatMap(BrakeService.BrakeView::holdEnd);
      List<CaseRow> rows = collection.openCases(citizen.bsn()).stream()
          .map(c -> row(c, holdEnd, stage == Stage.REVIEW, locale)).toList();
      model.addAttribute("cases", rows);
      // a case already at the bailiff: "no bailiff will come" would not be true; the page says the bailiff stops
      model.addAttribute("bailiffCase", rows.stream().anyMatch(r -> REVIEWED_STAGES.stream()
          .anyMatch(s -> s.name().equals(r.stageCode()))));
    } catch (CollectionSystemException e) {
      LOG.warn("open cases could not be read for the brake page: {}", e.getMessage());
      model.addAttribute("casesUnavailable", true);
      model.addAttribute("cases", List.of());
      model.addAttribute("bailiffCase", false);
    }
    return "brake";
  }

  @PostMapping("/portaal/noodrem/trekken")
  String pull(@AuthenticationPrincipal AuthenticatedCitizen citizen,
      @RequestParam(name = "verklaring", required = false) String declaration, Locale locale, Model model,
      RedirectAttributes redirect) {
    BrakeService.PullResult result;
    try {
      // the service keeps the rule; the page only says what the citizen ticked
      result = brakes.pullBrake(citizen.bsn(), "ja".equals(declaration));
    } catch (BrakeService.DeclarationMissingException e) {
      model.addAttribute("declarationMissing", true);
      return overview(citizen, locale, model);
    }
    redirect.addFlashAttribute("pulled", result.joined() ? "joined" : "new");
    return "redirect:/portaal/noodrem";
  }

  /** The citizen accepts the payment plan offered when the hold of the brake {@code kenmerk} ended. */
  @PostMapping("/portaal/noodrem/betalingsregeling")
  String acceptPaymentPlan(@AuthenticationPrincipal AuthenticatedCitizen citizen,
      @RequestParam(name = "kenmerk", required = false) String brakeRef, RedirectAttributes redirect) {
    PaymentPlanService.Outcome outcome;
    if (brakeRef == null || !brakeRef.matches("NR-[0-9A-Z]{8}")) {
      outcome = PaymentPlanService.Outcome.NO_OFFER;
    } else {
      try {
        outcome = plans.accept(citizen.bsn(), brakeRef);
      } catch (CollectionSystemException e) {
        // the command could not even be written: nothing was accepted, the citizen can try again
        throw new IllegalStateException("payment plan could not be recorded now", e);
      }
    }
    redirect.addFlashAttribute("planAccepted", outcome.name());
    return "redirect:/portaal/noodrem";
  }

  @GetMapping("/portaal/noodrem/bewijs")
  String proof(@AuthenticationPrincipal AuthenticatedCitizen citizen, Locale locale, Model model) {
    Optional<BrakeService.BrakeView> brake = brakes.runningBrake(citizen.bsn());
    List<JdbcCitizenInbox.InboxMessage> messages = inbox.raw(citizen);
    model.addAttribute("stage",
        stage(brake, messages, brake.map(b -> reviews.pending(b.brakeRef())).orElse(false)).name());
    brake.ifPresent(view -> {
      model.addAttribute("brakeRef", view.brakeRef());
      view.holdEnd().ifPresent(end -> {
        model.addAttribute("holdEnd", PortalLocales.date(end, locale));
        model.addAttribute("holdEndIso", end.toString());
      });
    });
    model.addAttribute("audience", processProperties.proofAudience());
    model.addAttribute("extensionMonths", processProperties.extensionMonths());
    model.addAttribute("totalMonths", processProperties.firstHoldMonths() + processProperties.extensionMonths());
    return "proof";
  }

  static Stage stage(Optional<BrakeService.BrakeView> brake, List<JdbcCitizenInbox.InboxMessage> messages,
      boolean inReview) {
    if (brake.isEmpty()) {
      return Stage.NONE;
    }
    BrakeService.BrakeView view = brake.get();
    if (view.holdEnd().isEmpty()) {
      return Stage.PLACING;
    }
    boolean extended = messages.stream().anyMatch(m -> NoticeType.HOLD_EXTENDED.name().equals(m.type())
        && view.brakeRef().equals(m.reference()));
    if (!view.acceptsProof()) {
      return inReview ? Stage.REVIEW : Stage.PROCESSING;
    }
    return extended ? Stage.EXTENDED : Stage.FIRST_HOLD;
  }

  private CaseRow row(OpenCase c, Optional<LocalDate> holdEnd, boolean brakeInReview, Locale locale) {
    String heldUntil = c.held() ? holdEnd.map(end -> PortalLocales.date(end, locale)).orElse(null) : null;
    boolean inReview = brakeInReview && REVIEWED_STAGES.contains(c.stage());
    return new CaseRow(c.caseNumber().value(), texts.getMessage("case.kind." + c.kind().name(), null, locale),
        c.stage().name(), texts.getMessage("case.stage." + c.stage().name(), null, locale),
        PortalLocales.money(c.outstanding(), locale), c.held(), heldUntil, inReview);
  }
}
