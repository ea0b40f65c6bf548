package nl.noodrem.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import nl.noodrem.camel.api.Bridge;
import nl.noodrem.camel.api.DeadLetter;
import nl.noodrem.camel.api.DeadLetterService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For CJIB operations: the records a legacy bridge could not handle (a broken batch line, a poison message), to
 * inspect, replay after the cause is fixed, or discard with a note. Payloads are the legacy system's records as
 * received and may hold a BSN: they are sealed at rest, the list never shows them, and showing one dead letter
 * opens its payload with an audit entry naming the operator's key. Only operator keys reach this, and every action
 * is logged without the payload.
 */
@RestController
@Tag(name = "beheer", description = "Dode brieven van de koppelingen met bestaande systemen")
class DeadLetterController {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterController.class);

  private final DeadLetterService deadLetters;

  DeadLetterController(DeadLetterService deadLetters) {
    this.deadLetters = deadLetters;
  }

  @GetMapping("/api/v1/beheer/dode-brieven")
  @Operation(summary = "Dode brieven per koppeling", description = "De dode brieven van één koppeling met de"
      + " gevraagde status (standaard OPEN), oudste eerst, hoogstens limiet (1 tot 1000).")
  List<DeadLetter> list(@RequestParam String koppeling,
      @RequestParam(defaultValue = "OPEN") DeadLetter.Status status,
      @RequestParam(defaultValue = "100") int limiet) {
    if (limiet < 1 || limiet > 1000) {
      throw new ApiProblems.BadRequest("limiet moet tussen 1 en 1000 liggen.");
    }
    return deadLetters.list(bridge(koppeling), status, limiet);
  }

  @GetMapping("/api/v1/beheer/dode-brieven/{id}")
  @Operation(summary = "Eén dode brief", description = "Met de inhoud zoals de koppeling die ontving, ontzegeld;"
      + " die kan een BSN bevatten. Elke inzage wordt vastgelegd in het auditspoor.")
  @ApiResponse(responseCode = "200", description = "De dode brief.")
  @ApiResponse(responseCode = "404", description = "Geen dode brief met dit id.")
  DeadLetter show(@AuthenticationPrincipal ApiKeyAuthenticationFilter.ApiClient client, @PathVariable long id) {
    DeadLetter letter = deadLetters.find(id).orElseThrow(() -> new ApiProblems.NotFound("dode brief " + id));
    String payload = deadLetters.openPayload(id, client.id()).orElse(null);
    return new DeadLetter(letter.id(), letter.bridge(), letter.kind(), letter.status(), letter.routeId(),
        letter.sourceRef(), letter.lineNumber(), letter.reason(), letter.exceptionType(), payload, letter.headers(),
        letter.attempts(), letter.createdAt(), letter.updatedAt());
  }

  @PostMapping("/api/v1/beheer/dode-brieven/{id}/opnieuw")
  @Operation(summary = "Opnieuw aanbieden aan de koppeling", description = "Biedt een open dode brief opnieuw aan,"
      + " langs de dubbel-controle van de koppeling. Lukt het weer niet, dan blijft hij open met de nieuwe reden.")
  @ApiResponse(responseCode = "200", description = "Aangeboden; delivered zegt of het deze keer lukte.")
  @ApiResponse(responseCode = "404", description = "Geen dode brief met dit id.")
  @ApiResponse(responseCode = "409", description = "De dode brief is al opnieuw aangeboden of afgehandeld.")
  DeadLetterService.ReplayOutcome replay(@AuthenticationPrincipal ApiKeyAuthenticationFilter.ApiClient client,
      @PathVariable long id) {
    requireOpen(id);
    DeadLetterService.ReplayOutcome outcome;
    try {
      outcome = deadLetters.replay(id);
    } catch (IllegalStateException e) {
      // handled by someone else between our look and the replay
      throw new ApiProblems.Conflict(notOpen(id));
    } catch (IllegalArgumentException e) {
      throw new ApiProblems.NotFound("dode brief " + id);
    }
    LOG.info("dead letter {} replayed by {}: delivered={}", id, client.id(), outcome.delivered());
    return outcome;
  }

  @PostMapping("/api/v1/beheer/dode-brieven/{id}/afhandelen")
  @Operation(summary = "Afhandelen zonder aanbieden", description = "Sluit een open dode brief af zonder hem aan"
      + " te bieden, met een notitie van 1 tot 500 tekens (bijvoorbeeld: de gemeente stuurde de regel verbeterd).")
  @ApiResponse(responseCode = "200", description = "Afgehandeld.")
  @ApiResponse(responseCode = "404", description = "Geen dode brief met dit id.")
  @ApiResponse(responseCode = "409", description = "De dode brief is al opnieuw aangeboden of afgehandeld.")
  Map<String, Object> discard(@AuthenticationPrincipal ApiKeyAuthenticationFilter.ApiClient client,
      @PathVariable long id, @RequestBody Afhandeling body) {
    String note = body.notitie() == null ? "" : body.notitie().strip();
    if (note.isEmpty() || note.length() > 500) {
      throw new ApiProblems.BadRequest("Een notitie van 1 tot 500 tekens is verplicht.");
    }
    requireOpen(id);
    if (!deadLetters.discard(id, client.id() + ": " + note)) {
      throw new ApiProblems.Conflict(notOpen(id));
    }
    LOG.info("dead letter {} discarded by {}", id, client.id());
    return Map.of("id", id, "status", "DISCARDED");
  }

  /** What the operator writes when discarding a dead letter. */
  record Afhandeling(String notitie) {}

  private void requireOpen(long id) {
    DeadLetter letter = deadLetters.find(id).orElseThrow(() -> new ApiProblems.NotFound("dode brief " + id));
    if (letter.status() != DeadLetter.Status.OPEN) {
      throw new ApiProblems.Conflict(notOpen(id));
    }
  }

  private static String notOpen(long id) {
    return "Dode brief " + id + " is niet meer open: hij is al opnieuw aangeboden of afgehandeld.";
  }

  private static Bridge bridge(String code) {
    try {
      return Bridge.fromCode(code);
    } catch (IllegalArgumentException e) {
      throw new ApiProblems.BadRequest("Onbekende koppeling: kies uit " + java.util.Arrays.stream(Bridge.values())
          .map(Bridge::code).toList());
    }
  }
}
