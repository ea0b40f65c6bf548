package nl.noodrem.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.noodrem.app.chain.DemoMunicipalities;
import nl.noodrem.app.support.DevAppProperties;
import nl.noodrem.app.support.TestPorts;
import nl.noodrem.domain.Bsn;
import nl.noodrem.processes.ProcessKeys;
import nl.noodrem.standin.MunicipalDebtHelpSoapStandin;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The server's authority, tried through the real application's HTTP interfaces by sending what no screen sends:
 * staff through the engine's REST API (extra variables, months out of range, claims in someone else's name, direct
 * variable writes), citizens through the portal's JSON actions (an unaccredited municipality, too many requests),
 * an API client through the REST API (too many requests). Issue 12, items 1 and 5.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class AuthorityRestTest {

  @TempDir static Path dataDir;

  static final int port = TestPorts.free();

  static final String DEN_HAAG = DemoMunicipalities.DEN_HAAG.oin().value();
  static final String EINDHOVEN = DemoMunicipalities.EINDHOVEN.oin().value();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    DevAppProperties.register(registry, dataDir, port);
    registry.add("noodrem.rate-limits.credential-requests.requests", () -> 3);
    registry.add("noodrem.rate-limits.brake-pulls.requests", () -> 2);
    registry.add("noodrem.rate-limits.proof-attempts.requests", () -> 3);
    registry.add("noodrem.rate-limits.api-client.requests", () -> 5);
    registry.add("noodrem.rate-limits.api-client.per", () -> "PT1H");
  }

  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired MunicipalDebtHelpSoapStandin municipality;
  @Autowired JdbcTemplate jdbc;

  private final HttpClient http = HttpClient.newHttpClient();

  // ---------------------------------------------------------------- staff: the engine's REST API

  @Test
  void complete_counsellorSendsAnotherMunicipalitysOin_400AndNothingChanges() throws Exception {
    Task task = confirmationTask();
    assertThat(staff("schuldhulp-denhaag", "POST", "/task/" + task.getId() + "/claim",
        "{\"userId\":\"schuldhulp-denhaag\"}").statusCode()).isEqualTo(204);

    HttpResponse<String> answer = staff("schuldhulp-denhaag", "POST", "/task/" + task.getId() + "/complete",
        "{\"variables\":{\"counsellorDecision\":{\"value\":\"CONFIRM\"},\"confirmedAssistanceType\":{\"value\":"
            + "\"MSNP\"},\"confirmedDecisionDate\":{\"value\":\"" + LocalDate.now().minusDays(3) + "\"},"
            + "\"confirmedHelpStartDate\":{\"value\":\"" + LocalDate.now().minusDays(1) + "\"},"
            + "\"issuerOin\":{\"value\":\"" + EINDHOVEN + "\"}}}");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(answer.body()).contains("issuerOin").contains("may not write");
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(runtime.getVariable(task.getProcessInstanceId(), "issuerOin")).isEqualTo(DEN_HAAG);
    assertThat(runtime.getVariable(task.getProcessInstanceId(), "counsellorDecision")).isNull();
  }

  @Test
  void submitForm_counsellorSendsAnExtraVariable_400() throws Exception {
    Task task = confirmationTask();
    staff("schuldhulp-denhaag", "POST", "/task/" + task.getId() + "/claim", "{\"userId\":\"schuldhulp-denhaag\"}");

    HttpResponse<String> answer = staff("schuldhulp-denhaag", "POST", "/task/" + task.getId() + "/submit-form",
        "{\"variables\":{\"counsellorDecision\":{\"value\":\"REFUSE\"},\"citizenRef\":{\"value\":\"someone\"}}}");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(answer.body()).contains("citizenRef");
  }

  @Test
  void complete_counsellorsOwnDecision_204AndTheAuditNamesTheLoggedInCounsellor() throws Exception {
    Task task = confirmationTask();
    staff("schuldhulp-denhaag", "POST", "/task/" + task.getId() + "/claim", "{\"userId\":\"schuldhulp-denhaag\"}");

    HttpResponse<String> answer = staff("schuldhulp-denhaag", "POST", "/task/" + task.getId() + "/complete",
        "{\"variables\":{\"counsellorDecision\":{\"value\":\"REFUSE\"}}}");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
    String reference = runtimeOrHistoryBusinessKey(task);
    assertThat(jdbc.queryForList("SELECT actor FROM noodrem_audit WHERE reference = ? AND action = ?", String.class,
        reference, "ISSUANCE_REFUSED")).containsExactly("schuldhulp-denhaag");
  }

  @Test
  void claim_inAnotherCounsellorsName_403() throws Exception {
    Task task = confirmationTask();

    HttpResponse<String> answer = staff("schuldhulp-denhaag", "POST", "/task/" + task.getId() + "/claim",
        "{\"userId\":\"schuldhulp-eindhoven\"}");
    HttpResponse<String> assign = staff("schuldhulp-denhaag", "POST", "/task/" + task.getId() + "/assignee",
        "{\"userId\":\"behandelaar\"}");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
    assertThat(assign.statusCode()).as(assign.body()).isEqualTo(403);
    assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
  }

  @Test
  void claim_taskOfAnotherMunicipality_403() throws Exception {
    Task task = confirmationTask();

    HttpResponse<String> answer = staff("schuldhulp-eindhoven", "POST", "/task/" + task.getId() + "/claim",
        "{\"userId\":\"schuldhulp-eindhoven\"}");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
  }

  @Test
  void putVariable_counsellorWritesTheIssuerDirectly_403() throws Exception {
    Task task = confirmationTask();

    HttpResponse<String> answer = staff("schuldhulp-denhaag", "PUT", "/process-instance/"
        + task.getProcessInstanceId() + "/variables/issuerOin", "{\"value\":\"" + EINDHOVEN + "\"}");
    HttpResponse<String> onTask = staff("schuldhulp-denhaag", "PUT", "/task/" + task.getId()
        + "/variables/issuerOin", "{\"value\":\"" + EINDHOVEN + "\"}");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
    assertThat(onTask.statusCode()).as(onTask.body()).isEqualTo(403);
    assertThat(runtime.getVariable(task.getProcessInstanceId(), "issuerOin")).isEqualTo(DEN_HAAG);
  }

  @Test
  void complete_caseOfficerApprovesWith600Months_400AndTheProposalStays() throws Exception {
    Task review = reviewTask();
    staff("behandelaar", "POST", "/task/" + review.getId() + "/claim", "{\"userId\":\"behandelaar\"}");

    HttpResponse<String> rewritten = staff("behandelaar", "POST", "/task/" + review.getId() + "/complete",
        "{\"variables\":{\"reviewOutcome\":{\"value\":\"APPROVE\"},\"holdMonths\":{\"value\":600,\"type\":\"Long\"}}}");
    HttpResponse<String> changed = staff("behandelaar", "POST", "/task/" + review.getId() + "/complete",
        "{\"variables\":{\"reviewOutcome\":{\"value\":\"CHANGE\"},\"changedHoldMonths\":{\"value\":600,"
            + "\"type\":\"Long\"},\"reviewNote\":{\"value\":\"more\"}}}");

    assertThat(rewritten.statusCode()).as(rewritten.body()).isEqualTo(400);
    assertThat(rewritten.body()).contains("holdMonths");
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(400);
    assertThat(changed.body()).contains("changedHoldMonths").contains("1 to 14");
    assertThat(runtime.getVariable(review.getProcessInstanceId(), "holdMonths")).isEqualTo(12L);
    assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
  }

  // ---------------------------------------------------------------- citizens: accreditation and rate limits

  @Test
  void requestCredential_unaccreditedOin_422NoProcessNoIncident() throws Exception {
    CitizenSession citizen = CitizenSession.logIn(port, freshBsn());
    String unaccredited = "00000001999999999000";
    long incidents = runtime.createIncidentQuery().count();

    HttpResponse<String> answer = citizen.post("/gemeente/" + unaccredited + "/schuldhulpbewijs/api/aanvraag", "{}");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
    assertThat(answer.body()).contains("NOT_ACCREDITED").contains("geen schuldhulpbewijs");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.CREDENTIAL_ISSUANCE)
        .variableValueEquals("issuerOin", unaccredited).count()).isZero();
    assertThat(runtime.createIncidentQuery().count()).isEqualTo(incidents);
  }

  @Test
  void requestCredential_tooOften_429WithRetryAfter() throws Exception {
    CitizenSession citizen = CitizenSession.logIn(port, freshBsn());
    String path = "/gemeente/" + DEN_HAAG + "/schuldhulpbewijs/api/aanvraag";
    for (int i = 0; i < 3; i++) {
      assertThat(citizen.post(path, "{}").statusCode()).isEqualTo(200);
    }

    HttpResponse<String> refused = citizen.post(path, "{}");

    assertTooMany(refused);
    // another citizen is not affected
    assertThat(CitizenSession.logIn(port, freshBsn()).post(path, "{}").statusCode()).isEqualTo(200);
  }

  @Test
  void pullBrakeAndProofAttempts_tooOften_429() throws Exception {
    CitizenSession citizen = CitizenSession.logIn(port, freshBsn());
    for (int i = 0; i < 2; i++) {
      assertThat(citizen.post("/portaal/noodrem/api/trek", "{\"verklaring\":true}").statusCode()).isEqualTo(200);
    }
    assertTooMany(citizen.post("/portaal/noodrem/api/trek", "{\"verklaring\":true}"));

    for (int i = 0; i < 3; i++) {
      assertThat(citizen.post("/portaal/noodrem/api/bewijs", "{}").statusCode()).isNotEqualTo(429);
    }
    assertTooMany(citizen.post("/portaal/noodrem/api/bewijs", "{}"));
  }

  @Test
  void partnerApi_tooOftenWithOneKey_429ProblemJson() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/api/v1/noodremmen/NR-AAAAAAAA"))
        .header("X-Api-Key", "dev-only-api-key-denhaag").build();
    for (int i = 0; i < 5; i++) {
      assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    HttpResponse<String> refused = http.send(request, HttpResponse.BodyHandlers.ofString());

    assertTooMany(refused);
    assertThat(refused.headers().firstValue("API-Version")).isPresent();
    // the operator's key has its own allowance
    assertThat(http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/beheer/dode-brieven"))
        .header("X-Api-Key", "dev-only-api-key-cjib-beheer").build(), HttpResponse.BodyHandlers.ofString())
        .statusCode()).isNotEqualTo(429);
  }

  // ---------------------------------------------------------------- helpers

  private static void assertTooMany(HttpResponse<String> answer) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(429);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(answer.headers().firstValue("Retry-After")).hasValueSatisfying(
        seconds -> assertThat(Long.parseLong(seconds)).isPositive());
    assertThat(answer.body()).contains("\"status\":429").contains("\"title\"").contains("\"detail\"");
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private HttpResponse<String> staff(String user, String method, String path, String json) throws Exception {
    String credentials = Base64.getEncoder().encodeToString((user + ":dev-only-" + user)
        .getBytes(StandardCharsets.UTF_8));
    return http.send(HttpRequest.newBuilder(URI.create(base() + "/engine-rest" + path))
        .header("Authorization", "Basic " + credentials).header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A citizen's credential request that the municipality's system cannot decide: a counsellor's task. */
  private Task confirmationTask() throws Exception {
    Bsn bsn = freshBsn();
    municipality.database().jdbc().update("INSERT INTO SHV_BESCHIKKING VALUES (?, ?, ?, 'BEZWAAR', 'MSNP', ?, NULL,"
            + " NULL, 1250000, 6, 'SHV-DH-099', 'Beschikking in bezwaar')",
        "DH-" + System.nanoTime(), bsn.digits(), DEN_HAAG, Date.valueOf(LocalDate.now().minusWeeks(3)));
    CitizenSession citizen = CitizenSession.logIn(port, bsn);
    HttpResponse<String> started = citizen.post("/gemeente/" + DEN_HAAG + "/schuldhulpbewijs/api/aanvraag", "{}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    Matcher ref = Pattern.compile("\"issuanceRef\":\"(IS-[0-9A-Z]{8})\"").matcher(started.body());
    assertThat(ref.find()).isTrue();
    return Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> tasks.createTaskQuery()
        .processInstanceBusinessKey(ref.group(1)).taskDefinitionKey("Task_ConfirmIssuance").singleResult(),
        java.util.Objects::nonNull);
  }

  /** A brake whose DMN proposal (12 months) waits for a case officer's review. */
  private Task reviewTask() {
    String brakeRef = "NR-" + Long.toString(System.nanoTime() % 1_000_000_000L, 32).toUpperCase();
    var instance = runtime.createProcessInstanceByKey(ProcessKeys.EMERGENCY_BRAKE).businessKey(brakeRef)
        .startBeforeActivity("Task_ReviewHoldDecision")
        .setVariables(Map.of("brakeRef", brakeRef, "holdMonths", 12L,
            "holdEnd", LocalDate.now().plusMonths(4).toString(), "decisionReason", "bailiff or coercive measures"))
        .execute();
    return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  private String runtimeOrHistoryBusinessKey(Task task) {
    return jdbc.queryForObject("SELECT BUSINESS_KEY_ FROM ACT_HI_PROCINST WHERE PROC_INST_ID_ = ?", String.class,
        task.getProcessInstanceId());
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A fresh valid test BSN (11-proof, starting with 9). */
  static Bsn freshBsn() {
    while (true) {
      int[] d = new int[9];
      d[0] = 9;
      int sum = 81;
      for (int i = 1; i < 8; i++) {
        d[i] = RANDOM.nextInt(10);
        sum += (9 - i) * d[i];
      }
      int last = sum % 11;
      if (last == 10) {
        continue;
      }
      d[8] = last;
      StringBuilder digits = new StringBuilder();
      for (int v : d) {
        digits.append(v);
      }
      if (Bsn.isValid(digits.toString())) {
        return Bsn.of(digits.toString());
      }
    }
  }

  /** A citizen's browser at HTTP level: cookies, every redirect followed by hand, the portal's CSRF header. */
  static final class CitizenSession {
    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http =
        HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();

    private CitizenSession(int port) {
      this.base = "http://localhost:" + port;
    }

    /** Logs in through the DigiD simulator (artifact binding) at level Substantieel. */
    static CitizenSession logIn(int port, Bsn bsn) throws Exception {
      CitizenSession session = new CitizenSession(port);
      HttpResponse<String> simulator = session.follow(
          HttpRequest.newBuilder(URI.create(session.base + "/digid/login?returnTo=%2F&level=SUBSTANTIEEL")).build());
      assertThat(simulator.uri().getPath()).isEqualTo("/digid-simulator/login");
      String form = Map.of("login", input(simulator.body(), "login"), "_csrf", input(simulator.body(), "_csrf"),
              "bsn", bsn.digits(), "level", "SUBSTANTIEEL", "action", "login").entrySet().stream()
          .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
              + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
      HttpResponse<String> landed = session.follow(HttpRequest.newBuilder(
              URI.create(session.base + "/digid-simulator/login/complete"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build());
      assertThat(landed.uri().getPath()).as("DigiD login completed").doesNotStartWith("/digid");
      return session;
    }

    HttpResponse<String> post(String path, String json) throws Exception {
      if (csrf() == null) {
        follow(HttpRequest.newBuilder(URI.create(base + "/")).build());
      }
      return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
          .header("X-NOODREM-XSRF", csrf()).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
          HttpResponse.BodyHandlers.ofString());
    }

    private String csrf() {
      return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("NOODREM-XSRF"))
          .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private HttpResponse<String> follow(HttpRequest first) throws Exception {
      HttpRequest request = first;
      for (int i = 0; i < 10; i++) {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 3) {
          return response;
        }
        request = HttpRequest.newBuilder(request.uri().resolve(response.headers().firstValue("Location").orElseThrow()))
            .build();
      }
      throw new AssertionError("redirect loop");
    }

    private static String input(String html, String name) {
      Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\"[^>]*value=\"([^\"]*)\"").matcher(html);
      if (!m.find()) {
        throw new AssertionError("no input " + name);
      }
      return m.group(1);
    }
  }
}
