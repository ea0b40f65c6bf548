package nl.noodrem.app.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.noodrem.digid.AuthenticatedCitizen;
import nl.noodrem.zkp.trust.IssuerKeyDirectory;
import nl.noodrem.zkp.trust.IssuerKeyRecord;
import nl.noodrem.zkp.trust.TrustLookupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Small JSON answers the portal's scripts need besides the citizen API: the session's remaining time (asking it is
 * also the "I am still here" that keeps an idle session alive), and an issuer's accredited key as the chain holds it,
 * which the wallet checks a credential against before it stores it.
 */
@RestController
class PortalApiController {

  private static final Logger LOG = LoggerFactory.getLogger(PortalApiController.class);

  private final IssuerKeyDirectory issuerKeys;
  private final Clock clock;

  PortalApiController(IssuerKeyDirectory issuerKeys, Clock clock) {
    this.issuerKeys = issuerKeys;
    this.clock = clock;
  }

  /** Touches the session (any authenticated request does) and says how long it lasts without activity. */
  @GetMapping("/portaal/api/sessie")
  ResponseEntity<Map<String, Object>> session(@AuthenticationPrincipal AuthenticatedCitizen citizen,
      HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("idleTimeoutSeconds", session == null ? 0 : session.getMaxInactiveInterval());
    body.put("sessionEndsAt", citizen.sessionExpiry().toString());
    body.put("now", clock.instant().toString());
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
  }

  /**
   * The issuer key record for a key id, in the shape the wallet reads ({@code IssuerKeyRecord}); the wallet itself
   * decides whether the key may be used now. 404 for an unknown key, 503 when the chain cannot be read.
   */
  @GetMapping("/portaal/api/uitgeverssleutels/{keyId}")
  ResponseEntity<Map<String, Object>> issuerKey(@PathVariable String keyId) {
    if (keyId.length() > 64 || !keyId.matches("[0-9A-Za-z._-]+")) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
    }
    try {
      return issuerKeys.findKey(keyId).map(PortalApiController::json)
          .map(body -> ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(body))
          .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    } catch (TrustLookupException e) {
      LOG.warn("issuer key {} could not be read from the chain: {}", keyId, e.getMessage());
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
    }
  }

  static Map<String, Object> json(IssuerKeyRecord key) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("keyId", key.keyId());
    body.put("issuerOin", key.issuerOin());
    body.put("issuerName", key.issuerName());
    body.put("publicKey", Base64.getUrlEncoder().withoutPadding().encodeToString(key.publicKey()));
    body.put("validFrom", key.validFrom().toString());
    body.put("validUntil", key.validUntil().toString());
    body.put("issuerActive", key.issuerActive());
    body.put("keyRevoked", key.keyRevoked());
    return body;
  }
}
