package nl.noodrem.app.citizen;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.noodrem.app.adapters.WalletRequests;
import nl.noodrem.digid.AuthenticatedCitizen;
import nl.noodrem.domain.BsnPseudonymizer;
import nl.noodrem.domain.InvalidValueException;
import nl.noodrem.domain.Oin;
import nl.noodrem.processes.port.SignedCredential;
import nl.noodrem.processes.service.BrakeService;
import nl.noodrem.processes.service.IssuanceService;
import nl.noodrem.processes.store.JdbcCitizenInbox;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The citizen's actions as JSON, for the portal's pages and the browser wallet. Everything acts for the citizen
 * DigiD authenticated; a BSN is never taken from the request.
 */
@RestController
class CitizenApiController {

  private final BrakeService brakes;
  private final IssuanceService issuances;
  private final IssuanceStatus issuanceStatus;
  private final JdbcCitizenInbox inbox;
  private final BsnPseudonymizer pseudonymizer;
  private final IssuerAccreditation accreditation;
  private final BrakeReviews reviews;

  CitizenApiController(BrakeService brakes, IssuanceService issuances, IssuanceStatus issuanceStatus,
      JdbcCitizenInbox inbox, BsnPseudonymizer pseudonymizer, IssuerAccreditation accreditation,
      BrakeReviews reviews) {
    this.accreditation = accreditation;
    this.reviews = reviews;
    this.brakes = brakes;
    this.issuances = issuances;
    this.issuanceStatus = issuanceStatus;
    this.inbox = inbox;
    this.pseudonymizer = pseudonymizer;
  }

  /** What a script sends to pull the brake: the citizen's self-declaration, as on the portal's form. */
  record PullRequest(Boolean verklaring) {}

  /**
   * Pull the brake, or join the running one, for a script: the same rule as the portal's form
   * ({@code BrakeService.pullBrake} refuses without the declaration), answered as 400 with the reason.
   */
  @PostMapping(path = "/portaal/noodrem/api/trek", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> pullBrake(@AuthenticationPrincipal AuthenticatedCitizen citizen,
      @RequestBody(required = false) PullRequest request) {
    try {
      var result = brakes.pullBrake(citizen.bsn(), request != null && Boolean.TRUE.equals(request.verklaring()));
      return ResponseEntity.ok(Map.of("brakeRef", result.brakeRef(), "joined", result.joined()));
    } catch (BrakeService.DeclarationMissingException e) {
      return ResponseEntity.badRequest().body(Map.of("reason", "DECLARATION_MISSING", "message", e.dutchText(),
          "messageEn", e.englishText()));
    }
  }

  /**
   * The citizen's running brake: reference, hold end, whether a proof is expected now and whether a case officer is
   * still to decide ({@code inReview}).
   */
  @GetMapping("/portaal/noodrem/api/status")
  ResponseEntity<Map<String, Object>> brakeStatus(@AuthenticationPrincipal AuthenticatedCitizen citizen) {
    return brakes.runningBrake(citizen.bsn()).map(view -> {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("brakeRef", view.brakeRef());
      view.holdEnd().ifPresent(end -> body.put("holdEnd", end.toString()));
      body.put("acceptsProof", view.acceptsProof());
      body.put("inReview", reviews.pending(view.brakeRef()));
      return ResponseEntity.ok(body);
    }).orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of(
        "message", "U heeft geen lopende noodrem.", "messageEn", "You have no running brake.")));
  }

  /** A fresh presentation request for the wallet (single use, expires in minutes). */
  @PostMapping(path = "/portaal/noodrem/api/bewijsverzoek", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> proofRequest(@AuthenticationPrincipal AuthenticatedCitizen citizen) {
    return brakes.requestProof(citizen.bsn())
        .map(request -> ResponseEntity.ok(WalletRequests.toWalletJson(request)))
        .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
            .body("{\"message\":\"U heeft geen lopende noodrem.\",\"messageEn\":\"You have no running brake.\"}"));
  }

  /** The wallet's presentation; the answer says whether it was accepted and, if not, why. */
  @PostMapping(path = "/portaal/noodrem/api/bewijs", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> presentProof(@AuthenticationPrincipal AuthenticatedCitizen citizen,
      @RequestBody String presentationJson) {
    var result = brakes.presentProof(citizen.bsn(), presentationJson);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", result.status().name());
    result.rejection().ifPresent(r -> {
      body.put("reason", r.name());
      body.put("message", r.dutchText());
      body.put("messageEn", r.englishText());
    });
    HttpStatus status = switch (result.status()) {
      case ACCEPTED -> HttpStatus.OK;
      case REJECTED -> HttpStatus.UNPROCESSABLE_ENTITY;
      case NO_RUNNING_BRAKE, NO_PROOF_REQUESTED -> HttpStatus.CONFLICT;
      case NOT_EXPECTED_NOW, VERIFIER_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
    };
    return ResponseEntity.status(status).body(body);
  }

  /** The citizen's messages, newest first. */
  @GetMapping("/portaal/api/berichten")
  List<JdbcCitizenInbox.InboxMessage> messages(@AuthenticationPrincipal AuthenticatedCitizen citizen) {
    return inbox.inbox(pseudonymizer.pseudonymize(citizen.bsn()));
  }

  /** Ask the municipality for a debt-help credential. */
  @PostMapping("/gemeente/{oin}/schuldhulpbewijs/api/aanvraag")
  ResponseEntity<Map<String, Object>> requestCredential(@AuthenticationPrincipal AuthenticatedCitizen citizen,
      @PathVariable String oin) {
    Oin municipality;
    try {
      municipality = Oin.of(oin);
    } catch (InvalidValueException e) {
      return ResponseEntity.badRequest().body(Map.of("message", "Onbekende gemeente.", "messageEn", "Unknown municipality."));
    }
    IssuerAccreditation.Verdict verdict = accreditation.of(municipality);
    if (verdict != IssuerAccreditation.Verdict.ACCREDITED) {
      // refused before any process starts: nothing to wait for, no incident
      return ResponseEntity.status(verdict == IssuerAccreditation.Verdict.CHAIN_UNAVAILABLE
              ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.UNPROCESSABLE_ENTITY)
          .body(Map.of("reason", verdict.name(), "message", verdict.dutch(), "messageEn", verdict.english()));
    }
    var started = issuances.startIssuance(citizen.bsn(), municipality);
    return ResponseEntity.ok(Map.of("issuanceRef", started.issuanceRef(), "joined", started.joined()));
  }

  @GetMapping("/gemeente/{oin}/schuldhulpbewijs/api/aanvraag/{issuanceRef}")
  Map<String, Object> credentialStatus(@AuthenticationPrincipal AuthenticatedCitizen citizen, @PathVariable String oin,
      @PathVariable String issuanceRef) {
    boolean mine = issuanceRef.matches("IS-[0-9A-Z]{8}")
        && issuanceStatus.belongsTo(issuanceRef, pseudonymizer.pseudonymize(citizen.bsn()).value());
    // someone else's request looks exactly like an unknown one
    var state = mine ? issuanceStatus.of(issuanceRef) : IssuanceStatus.State.UNKNOWN;
    return Map.of("issuanceRef", issuanceRef, "state", state.name(), "message", state.dutch(), "messageEn", state.english());
  }

  /** Collect the approved credential into the wallet: the response is the only copy, nothing is kept. */
  @PostMapping(path = "/gemeente/{oin}/schuldhulpbewijs/api/aanvraag/{issuanceRef}/ophalen",
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> collect(@AuthenticationPrincipal AuthenticatedCitizen citizen, @PathVariable String oin,
      @PathVariable String issuanceRef) {
    try {
      SignedCredential credential = issuances.collectCredential(citizen.bsn(), issuanceRef);
      return ResponseEntity.ok().header("Cache-Control", "no-store").body(credential.json());
    } catch (IssuanceService.NotCollectableException e) {
      HttpStatus status = switch (e.reason()) {
        case UNKNOWN, NOT_YOURS -> HttpStatus.NOT_FOUND;
        case NOT_READY -> HttpStatus.CONFLICT;
        case SIGNER_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
      };
      return ResponseEntity.status(status).body("{\"reason\":\"" + e.reason().name() + "\"}");
    }
  }
}
