package nl.noodrem.features.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.noodrem.domain.Bsn;
import nl.noodrem.zkp.credential.BbsPresentationProver;
import nl.noodrem.zkp.credential.Credential;
import nl.noodrem.zkp.credential.KnownSchemas;
import nl.noodrem.zkp.credential.PresentationRequest;

/**
 * One citizen against the cluster: logs in through DigiD (the simulator, artifact binding, mutual TLS behind the
 * scenes), pulls the brake, follows it, and presents a proof from the credential in their wallet. Each call is one
 * user action; a call that finds the session gone (its node died) logs in again and repeats the action.
 */
public final class ClusterCitizen {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final KnownSchemas SCHEMAS = KnownSchemas.builtIn();

  public final Bsn bsn;
  public final List<String> cases = new ArrayList<>();
  public String credentialJson;
  public String brakeRef;
  public LocalDate pulledOn;
  public int logins;
  /** Wall-clock time (epoch ms) just before the last proof was sent: the moment the proof is presented. */
  public volatile long proofPresentedAtMillis;
  private final Browser browser;

  public ClusterCitizen(Bsn bsn, String publicUrl, HttpClient http) {
    this.bsn = bsn;
    this.browser = new Browser(publicUrl, http);
  }

  /** Logs in at level Substantieel through the DigiD simulator. */
  public void logIn() throws IOException {
    browser.forgetCsrf();
    Browser.Page simulator = browser.get("/digid/login?returnTo=%2F&level=SUBSTANTIEEL");
    if (!simulator.uri().getPath().equals("/digid-simulator/login") || simulator.status() != 200) {
      throw new IOException("expected the DigiD simulator's login page, got " + simulator.status() + " "
          + simulator.uri());
    }
    String key = Browser.input(simulator.body(), "login");
    if (key == null) {
      throw new IOException("simulator page without a login key");
    }
    Browser.Page landed = browser.postForm(simulator.uri().resolve("/digid-simulator/login/complete"),
        Map.of("login", key, "bsn", bsn.digits(), "level", "SUBSTANTIEEL", "action", "login"));
    if (landed.status() >= 500 || landed.uri().getPath().startsWith("/digid")) {
      throw new IOException("DigiD login did not complete: " + landed.status() + " " + landed.uri());
    }
    logins++;
  }

  /**
   * Pulls the brake (or joins the running one) as the citizen's browser does, through the portal's form with the
   * declaration ticked; returns the brake reference, read as the page's script reads it.
   */
  public String pull() throws IOException {
    Browser.Page page = browser.postPortalForm("/portaal/noodrem/trekken", Map.of("verklaring", "ja"));
    if (page.status() != 200 || !page.uri().getPath().equals("/portaal/noodrem")) {
      // the session ended (a node went away): the form led to DigiD's login instead of back to the brake's page
      logIn();
      page = browser.postPortalForm("/portaal/noodrem/trekken", Map.of("verklaring", "ja"));
      if (page.status() != 200 || !page.uri().getPath().equals("/portaal/noodrem")) {
        throw new IOException("pulling answered " + page.status() + " at " + page.uri().getPath());
      }
    }
    brakeRef = status().orElseThrow(() -> new IOException("no running brake after pulling"))
        .get("brakeRef").asText();
    if (pulledOn == null) {
      pulledOn = LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"));
    }
    return brakeRef;
  }

  /** The running brake as the portal shows it: holdEnd and whether a proof is expected now; empty when none. */
  public Optional<JsonNode> status() throws IOException {
    Browser.Page page = call(() -> browser.peek("/portaal/noodrem/api/status"), -1);
    if (page.status() == 404) {
      return Optional.empty();
    }
    if (page.status() != 200) {
      throw new IOException("status answered " + page.status());
    }
    return Optional.of(json(page));
  }

  /** Asks for a presentation request, proves from the wallet's credential and presents; returns status and body. */
  public Answer presentProof() throws Exception {
    Browser.Page request = call(() -> browser.postJson("/portaal/noodrem/api/bewijsverzoek", "{}"), 200);
    String presentation = new BbsPresentationProver(SCHEMAS, Clock.systemUTC())
        .prove(Credential.fromJson(credentialJson, SCHEMAS), PresentationRequest.fromJson(request.body())).toJson();
    proofPresentedAtMillis = System.currentTimeMillis();
    Browser.Page answer = call(() -> browser.postJson("/portaal/noodrem/api/bewijs", presentation), -1);
    return new Answer(answer.status(), answer.body());
  }

  public record Answer(int status, String body) {
    public String outcome() {
      try {
        JsonNode node = JSON.readTree(body);
        return node.path("status").asText("?") + (node.has("reason") ? "/" + node.get("reason").asText() : "");
      } catch (IOException e) {
        return "unreadable(" + status + ")";
      }
    }
  }

  private interface Action {
    Browser.Page run() throws IOException;
  }

  /** Runs an action; a redirect to DigiD or a refused CSRF token (a new node's session) means: log in, once more. */
  private Browser.Page call(Action action, int expected) throws IOException {
    Browser.Page page = action.run();
    if (page.status() == 302 || page.status() == 401 || page.status() == 403) {
      logIn();
      page = action.run();
    }
    if (expected > 0 && page.status() != expected) {
      throw new IOException("answered " + page.status() + ": " + abbreviate(page.body()));
    }
    return page;
  }

  private static JsonNode json(Browser.Page page) throws IOException {
    return JSON.readTree(page.body());
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }

  public URI base() {
    return browser.base;
  }
}
