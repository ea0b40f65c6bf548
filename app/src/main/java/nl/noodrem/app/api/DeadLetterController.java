package nl.noodrem.app.api;

import io.swagger.v3.oas.annotations.Operation;
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
  @Operation(summary = "Dode brieven per koppeling")
  List<DeadLetter> list(@RequestParam String koppeling,
      @RequestParam(defaultValue = "OPEN") DeadLetter.Status status,
      @RequestParam(defaultValue = "100") int limiet) {
    if (limiet < 1 || limiet > 1000) {
      throw new ApiProblems.BadRequest("limiet moet tussen 1 en 1000 liggen.");
    }
    return deadLetters.list(bridge(koppeling), status, limiet);
  }

  @GetMapping("/api/v1/beheer/dode-brieven/{id}")
  @Operation(summary = "Een dode brief met zijn inhoud (wordt vastgelegd in het auditspoor)")
  DeadLetter show(@AuthenticationPrincipal ApiKeyAuthenticationFilter.ApiClient client, @PathVariable long id) {
    DeadLetter letter = deadLetters.find(id).orElseThrow(() -> new ApiProblems.NotFound("dode brief " + id));
    String payload = deadLetters.openPayload(id, client.id()).orElse(null);
    return new DeadLetter(letter.id(), letter.bridge(), letter.kind(), letter.status(), letter.routeId(),
        letter.sourceRef(), letter.lineNumber(), letter.reason(), letter.exceptionType(), payload, letter.headers(),
        letter.attempts(), letter.createdAt(), letter.updatedAt());
  }

  @PostMapping("/api/v1/beheer/dode-brieven/{id}/opnieuw")
  @Operation(summary = "Opnieuw aanbieden aan de koppeling (langs de dubbel-controle)")
  DeadLetterService.ReplayOutcome replay(@AuthenticationPrincipal ApiKeyAuthenticationFilter.ApiClient client,
      @PathVariable long id) {
    deadLetters.find(id).orElseThrow(() -> new ApiProblems.NotFound("dode brief " + id));
    var outcome = deadLetters.replay(id);
    LOG.info("dead letter {} replayed by {}: delivered={}", id, client.id(), outcome.delivered());
    return outcome;
  }

  @PostMapping("/api/v1/beheer/dode-brieven/{id}/afhandelen")
  @Operation(summary = "Afhandelen zonder aanbieden, met een notitie")
  Map<String, Object> discard(@AuthenticationPrincipal ApiKeyAuthenticationFilter.ApiClient client,
      @PathVariable long id, @RequestBody Map<String, String> body) {
    String note = body.getOrDefault("notitie", "").strip();
    if (note.isEmpty() || note.length() > 500) {
      throw new ApiProblems.BadRequest("Een notitie van 1 tot 500 tekens is verplicht.");
    }
    if (!deadLetters.discard(id, client.id() + ": " + note)) {
      throw new ApiProblems.NotFound("open dode brief " + id);
    }
    LOG.info("dead letter {} discarded by {}", id, client.id());
    return Map.of("id", id, "status", "DISCARDED");
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
