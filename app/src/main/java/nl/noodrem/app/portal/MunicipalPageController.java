package nl.noodrem.app.portal;

import java.util.Locale;
import nl.noodrem.app.citizen.IssuanceStatus;
import nl.noodrem.app.citizen.IssuerAccreditation;
import nl.noodrem.digid.AuthenticatedCitizen;
import nl.noodrem.domain.BsnPseudonymizer;
import nl.noodrem.domain.Oin;
import nl.noodrem.processes.service.IssuanceService;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriUtils;

/**
 * The municipality's side: choose the municipality, log in with DigiD, ask for the proof of debt help, follow the
 * request and collect the credential straight into the wallet (the page's script does that: the credential goes from
 * the municipality's answer into the browser's wallet and nowhere else). When no proof can be given the page says why
 * and whom to call. A request is the citizen's, not the browser session's: after a new DigiD login the citizen
 * follows it again (from the request page or the link in a message).
 */
@Controller
class MunicipalPageController {

  private final Municipalities municipalities;
  private final IssuanceService issuances;
  private final IssuanceStatus statuses;
  private final IssuerAccreditation accreditation;
  private final BsnPseudonymizer pseudonymizer;

  MunicipalPageController(Municipalities municipalities, IssuanceService issuances, IssuanceStatus statuses,
      IssuerAccreditation accreditation, BsnPseudonymizer pseudonymizer) {
    this.accreditation = accreditation;
    this.municipalities = municipalities;
    this.issuances = issuances;
    this.statuses = statuses;
    this.pseudonymizer = pseudonymizer;
  }

  @GetMapping("/gemeente")
  String choose(Model model) {
    model.addAttribute("municipalities", municipalities.all());
    return "municipality-choose";
  }

  /** The public start page of one municipality; a DigiD login started here returns here with {@code verder=1}. */
  @GetMapping("/gemeente/{oin}")
  String start(@PathVariable String oin, @AuthenticationPrincipal AuthenticatedCitizen citizen,
      @RequestParam(name = "verder", required = false) String onwards,
      @RequestParam(name = "digid", required = false) String digidFlag, Model model) {
    Municipalities.Municipality municipality = municipality(oin);
    String requestPage = "/gemeente/" + municipality.oin() + "/schuldhulpbewijs";
    if (citizen != null && onwards != null && digidFlag == null) {
      return "redirect:" + requestPage;
    }
    model.addAttribute("municipality", municipality);
    model.addAttribute("requestPage", requestPage);
    model.addAttribute("loginUrl", "/digid/login?returnTo="
        + UriUtils.encode("/gemeente/" + municipality.oin() + "?verder=1", java.nio.charset.StandardCharsets.UTF_8));
    return "municipality-start";
  }

  @GetMapping("/gemeente/{oin}/schuldhulpbewijs")
  String requestPage(@PathVariable String oin, Model model) {
    model.addAttribute("municipality", municipality(oin));
    return "municipality-request";
  }

  @PostMapping("/gemeente/{oin}/schuldhulpbewijs")
  String request(@PathVariable String oin, @AuthenticationPrincipal AuthenticatedCitizen citizen) {
    Municipalities.Municipality municipality = municipality(oin);
    IssuerAccreditation.Verdict verdict = accreditation.of(Oin.of(municipality.oin()));
    if (verdict != IssuerAccreditation.Verdict.ACCREDITED) {
      throw new ResponseStatusException(verdict == IssuerAccreditation.Verdict.CHAIN_UNAVAILABLE
          ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.UNPROCESSABLE_ENTITY, verdict.dutch());
    }
    var started = issuances.startIssuance(citizen.bsn(), Oin.of(municipality.oin()));
    return "redirect:/gemeente/" + municipality.oin() + "/schuldhulpbewijs/aanvraag/" + started.issuanceRef();
  }

  /** A request named in a message: its status page at the municipality it went to; someone else's is unknown. */
  @GetMapping("/portaal/aanvraag/{issuanceRef}")
  String followRequest(@PathVariable String issuanceRef, @AuthenticationPrincipal AuthenticatedCitizen citizen) {
    if (!mine(issuanceRef, citizen)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "not a request of this citizen");
    }
    String oin = statuses.issuerOf(issuanceRef).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
        "request without municipality"));
    return "redirect:/gemeente/" + municipality(oin).oin() + "/schuldhulpbewijs/aanvraag/" + issuanceRef;
  }

  @GetMapping("/gemeente/{oin}/schuldhulpbewijs/aanvraag/{issuanceRef}")
  String status(@PathVariable String oin, @PathVariable String issuanceRef,
      @AuthenticationPrincipal AuthenticatedCitizen citizen, Locale locale, Model model) {
    Municipalities.Municipality municipality = municipality(oin);
    // by the citizen, not by the browser session: a pending request survives a new login; someone else's (or a
    // guessed reference) looks exactly like a page that does not exist
    if (!mine(issuanceRef, citizen)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "not a request of this citizen");
    }
    IssuanceStatus.State state = statuses.of(issuanceRef);
    model.addAttribute("municipality", municipality);
    model.addAttribute("issuanceRef", issuanceRef);
    model.addAttribute("state", state.name());
    model.addAttribute("stateText", PortalLocales.isEnglish(locale) ? state.english() : state.dutch());
    model.addAttribute("statusUrl", "/gemeente/" + municipality.oin() + "/schuldhulpbewijs/api/aanvraag/" + issuanceRef);
    model.addAttribute("collectUrl",
        "/gemeente/" + municipality.oin() + "/schuldhulpbewijs/api/aanvraag/" + issuanceRef + "/ophalen");
    return "municipality-status";
  }

  private Municipalities.Municipality municipality(String oin) {
    return municipalities.find(oin).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
        "unknown municipality"));
  }

  private boolean mine(String issuanceRef, AuthenticatedCitizen citizen) {
    return issuanceRef.matches("IS-[0-9A-Z]{8}")
        && statuses.belongsTo(issuanceRef, pseudonymizer.pseudonymize(citizen.bsn()).value());
  }
}
