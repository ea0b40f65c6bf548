package nl.noodrem.features.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.noodrem.domain.Bsn;

/**
 * One citizen in a scenario: their BSN (known only to the test, DigiD's simulator and the stand-ins), their
 * browser session, their open cases at CJIB and their wallet.
 */
public final class Citizen {

  private static final ObjectMapper JSON = new ObjectMapper();

  public final Bsn bsn;
  public final Browser browser;
  public final List<String> cases = new ArrayList<>();
  public String credentialJson;
  public String brakeRef;
  public LocalDate pulledOn;
  public String lastPresentation;
  public JsonNode lastProofAnswer;
  public int lastProofStatus;
  public String issuanceRef;
  public boolean loggedIn;

  /** Every BSN any scenario of this run used, for the privacy scan at the end. */
  public static final java.util.Set<String> ALL_BSNS = java.util.concurrent.ConcurrentHashMap.newKeySet();

  public Citizen(Bsn bsn, String baseUrl) {
    ALL_BSNS.add(bsn.digits());
    this.bsn = bsn;
    this.browser = new Browser(baseUrl);
  }

  /** Logs in through DigiD (the simulator) over the artifact binding, at level Substantieel. */
  public void logInWithDigid() {
    Browser.Page simulator = browser.get("/digid/login?returnTo=%2F&level=SUBSTANTIEEL");
    if (!simulator.uri().getPath().equals("/digid-simulator/login")) {
      throw new AssertionError("expected the DigiD simulator's login page, got " + simulator.uri());
    }
    Browser.Page landed = browser.postForm("/digid-simulator/login/complete", Map.of(
        "login", Browser.input(simulator.body(), "login"),
        "_csrf", Browser.input(simulator.body(), "_csrf"),
        "bsn", bsn.digits(),
        "level", "SUBSTANTIEEL",
        "action", "login"));
    if (landed.uri().getPath().startsWith("/digid")) {
      throw new AssertionError("DigiD login did not complete: " + landed.uri());
    }
    loggedIn = true;
  }

  public static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }
}
