package nl.noodrem.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import nl.noodrem.app.chain.DemoMunicipalities;
import nl.noodrem.features.support.Citizen;
import nl.noodrem.standin.BatchDropStandin;
import org.springframework.beans.factory.annotation.Autowired;

/** Partners (REST API), operators (dead letters) and process owners (metrics). */
public class PeopleInsideSteps {

  /** Development-only API keys, as configured in application-dev.yml (their SHA-256). */
  private static final String DEN_HAAG_KEY = "dev-only-api-key-denhaag";
  private static final String OPERATOR_KEY = "dev-only-api-key-cjib-beheer";

  @Autowired BatchDropStandin batchDrop;
  @Autowired BrakeSteps state; // the scenario's citizen lives there

  private final HttpClient http = HttpClient.newHttpClient();
  private HttpResponse<String> answer;
  private long deadLetterId;

  @When("the case system of {string} asks for the state of the citizen's brake")
  public void theCaseSystemAsks(String municipality) throws Exception {
    assertThat(municipality).isEqualTo("Den Haag"); // the dev profile has one partner key
    answer = get("/api/v1/noodremmen/" + state.citizen().brakeRef, DEN_HAAG_KEY);
  }

  @When("a caller without an API key asks for the state of the citizen's brake")
  public void aCallerWithoutKey() throws Exception {
    answer = get("/api/v1/noodremmen/" + state.citizen().brakeRef, null);
  }

  @Then("it learns that collection is held until {int} months after the day the brake was pulled")
  public void itLearnsTheHold(int months) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode body = Citizen.json(answer.body());
    assertThat(body.get("referentie").asText()).isEqualTo(state.citizen().brakeRef);
    assertThat(body.get("status").asText()).isEqualTo("UITSTEL");
    assertThat(LocalDate.parse(body.get("uitstelTot").asText()))
        .isEqualTo(state.citizen().pulledOn.plusMonths(months));
  }

  @Then("the answer holds no BSN and carries the API version")
  public void noBsnAndVersion() {
    assertThat(answer.body()).doesNotContain(state.citizen().bsn.digits());
    assertThat(answer.headers().firstValue("API-Version")).hasValue("1.0.0");
  }

  @Then("the API's public OpenAPI document describes that resource")
  public void openApiDescribesIt() throws Exception {
    var doc = get("/api/v1/openapi.json", null);
    assertThat(doc.statusCode()).isEqualTo(200);
    JsonNode openapi = Citizen.json(doc.body());
    assertThat(openapi.get("openapi").asText()).startsWith("3.");
    // paths are relative to the server, which carries the major version (Dutch API Design Rules, /core/uri-version)
    assertThat(openapi.get("servers").get(0).get("url").asText()).endsWith("/api/v1");
    assertThat(openapi.get("paths").has("/noodremmen/{referentie}")).isTrue();
    assertThat(openapi.get("paths").has("/beheer/dode-brieven")).isTrue();
  }

  @Then("it is told, as problem+json, that there is no such brake")
  public void toldNoSuchBrake() {
    assertProblem(404);
  }

  @Then("it is told, as problem+json, that it is not authenticated")
  public void toldNotAuthenticated() {
    assertProblem(401);
  }

  private void assertProblem(int status) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/problem+json"));
    JsonNode body = Citizen.json(answer.body());
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("title").asText()).isNotBlank();
  }

  @When("the municipality delivers a batch file whose second line is broken")
  public void aBrokenBatch() {
    String oin = DemoMunicipalities.DEN_HAAG.oin().value();
    batchDrop.drop("broken-" + System.nanoTime() + ".csv",
        "record_type;record_id;municipality_oin;bsn;assistance_type;decision_date;help_start_date;end_date;end_reason\n"
            + "STARTED;DH-BROKEN-" + System.nanoTime() + ";" + oin + ";12345678;MSNP;2026-13-45;;;\n");
  }

  @Then("CJIB operations find the broken line among the batch bridge's dead letters, with line number {int}")
  public void operationsFindTheBrokenLine(int line) {
    JsonNode found = await().atMost(Duration.ofSeconds(60)).until(() -> {
      JsonNode list = Citizen.json(get("/api/v1/beheer/dode-brieven?koppeling=debt-help-batch", OPERATOR_KEY).body());
      for (JsonNode letter : list) {
        // the list never shows payloads (sealed at rest); one letter's detail opens it, with an audit entry
        if (letter.path("lineNumber").asInt() == line && letter.path("sourceRef").asText().startsWith("broken-")) {
          JsonNode detail = Citizen.json(get("/api/v1/beheer/dode-brieven/" + letter.get("id").asLong(), OPERATOR_KEY).body());
          if (detail.path("payload").asText().contains("DH-BROKEN-")) {
            return detail;
          }
        }
      }
      return null;
    }, java.util.Objects::nonNull);
    deadLetterId = found.get("id").asLong();
    assertThat(found.get("reason").asText()).isNotBlank();
  }

  @When("an operator closes it with a note")
  public void anOperatorCloses() throws Exception {
    answer = http.send(HttpRequest.newBuilder(URI.create(NoodremUnderTest.baseUrl()
            + "/api/v1/beheer/dode-brieven/" + deadLetterId + "/afhandelen"))
        .header("X-Api-Key", OPERATOR_KEY).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"notitie\":\"Gemeente levert de regel opnieuw aan\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
  }

  @Then("it is no longer open")
  public void noLongerOpen() throws Exception {
    JsonNode letter = Citizen.json(get("/api/v1/beheer/dode-brieven/" + deadLetterId, OPERATOR_KEY).body());
    assertThat(letter.get("status").asText()).isEqualTo("DISCARDED");
  }

  /** The gauge as the process owner reads it; earlier scenarios leave brakes waiting for proof too. */
  private double waitingForProofBefore = -1;

  @Given("the process owner has read how many brakes wait for proof")
  public void theProcessOwnerHasReadTheCount() {
    // read once the gauge is stable (it refreshes every second), so that a late refresh is not taken for this brake
    double[] last = {Double.NaN};
    // two equal readings further apart than the gauge's refresh (noodrem.metrics.refresh, 1 s in these runs)
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1500)).until(() -> {
      double now = waitingForProof();
      boolean stable = now == last[0];
      last[0] = now;
      return stable;
    });
    waitingForProofBefore = last[0];
  }

  @Then("the metrics count exactly one more brake waiting for proof")
  public void metricsCountOneMore() {
    assertThat(waitingForProofBefore).as("read before the pull").isNotNegative();
    await().atMost(Duration.ofSeconds(30)).until(() -> waitingForProof() == waitingForProofBefore + 1);
  }

  private double waitingForProof() throws Exception {
    String text = get("/actuator/prometheus", null).body();
    for (String line : text.split("\n")) {
      if (line.startsWith("noodrem_brakes{state=\"waiting_for_proof\"}")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    throw new AssertionError("no gauge noodrem_brakes{state=\"waiting_for_proof\"}");
  }

  private HttpResponse<String> get(String path, String key) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(NoodremUnderTest.baseUrl() + path));
    if (key != null) {
      request.header("X-Api-Key", key);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
