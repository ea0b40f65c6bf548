package nl.noodrem.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.noodrem.camel.api.Bridge;
import nl.noodrem.camel.api.DeadLetter;
import nl.noodrem.camel.api.DeadLetterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.junit.jupiter.api.Test;
import org.mockito.Answers;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.configuration.SpringDocSecurityConfiguration;
import org.springdoc.core.configuration.SpringDocSpecPropertiesConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.webmvc.core.configuration.SpringDocWebMvcConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The partner and operators' API as the Dutch API Design Rules ask, through the whole servlet stack of the API
 * package (security chain, version filter, controllers, problem handling, springdoc) with the engine and the dead
 * letter store replaced: every answer carries {@code API-Version}, every error is problem+json with status, title
 * and detail, a request for another major version is refused, and the OpenAPI document says all that. The
 * document is written to {@code target/openapi.json}, which the build lints with Spectral in the verify phase.
 */
@WebMvcTest(properties = {
    "noodrem.api.base-url=https://noodrem.example.nl/api/v1",
    "noodrem.api.clients.partner.key-sha256=71957410ea8dee65cd9f55bcb564c628382a384cf27ad024e95de47a6a8b7177",
    "noodrem.api.clients.partner.organisation-oin=00000001999990001000",
    "noodrem.api.clients.partner.role=PARTNER",
    "noodrem.api.clients.beheer.key-sha256=238abb04be1b506af946953f2c38d30fac0a835e18929d4523905e5ae3b77d1f",
    "noodrem.api.clients.beheer.organisation-oin=00000001999990099000",
    "noodrem.api.clients.beheer.role=OPERATOR"})
class PartnerApiTest {

  /** Only the API package, as the application wires it. */
  @Configuration(proxyBeanMethods = false)
  @ComponentScan(basePackageClasses = ApiProblems.class)
  @EnableConfigurationProperties(ApiProperties.class)
  @ImportAutoConfiguration({SpringDocConfiguration.class, SpringDocConfigProperties.class,
      SpringDocSpecPropertiesConfiguration.class, SpringDocSecurityConfiguration.class,
      SpringDocWebMvcConfiguration.class})
  static class ApiOnly {}

  private static final String PARTNER_KEY = "dev-only-api-key-denhaag";
  private static final String OPERATOR_KEY = "dev-only-api-key-cjib-beheer";
  private static final Path EXPORT = Path.of("target", "openapi.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired MockMvc mvc;
  @MockitoBean DeadLetterService deadLetters;
  @MockitoBean HistoryService history;
  @MockitoBean RuntimeService runtime;

  /** No brake is known: every query for one finds nothing. */
  @org.junit.jupiter.api.BeforeEach
  void noBrakes() {
    when(history.createHistoricProcessInstanceQuery())
        .thenReturn(org.mockito.Mockito.mock(HistoricProcessInstanceQuery.class, Answers.RETURNS_SELF));
  }

  private MockHttpServletResponse send(MockHttpServletRequestBuilder request, String key) throws Exception {
    if (key != null) {
      request.header("X-Api-Key", key);
    }
    return mvc.perform(request).andReturn().getResponse();
  }

  /** Asserts a problem+json answer with the version header, and returns its body. */
  private static JsonNode problem(MockHttpServletResponse response, int status) throws Exception {
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    assertThat(response.getHeader("API-Version")).isEqualTo("1.0.0");
    JsonNode body = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("title").asText()).isNotBlank();
    assertThat(body.get("detail").asText()).isNotBlank();
    return body;
  }

  private static DeadLetter letter(long id, DeadLetter.Status status) {
    return new DeadLetter(id, Bridge.values()[0], DeadLetter.Kind.QUARANTINED, status, "route", "file line 7", 7,
        "reason", "java.lang.IllegalArgumentException", "payload", Map.of(), 1, Instant.EPOCH, Instant.EPOCH);
  }

  // ---- the OpenAPI document -----------------------------------------------------------------------------------

  @Test
  void openApiDocument_followsTheDesignRules_andIsExportedForTheLint() throws Exception {
    MockHttpServletResponse response = send(get("/api/v1/openapi.json"), null);
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getHeader("API-Version")).isEqualTo("1.0.0");
    String document = response.getContentAsString(StandardCharsets.UTF_8);
    Files.createDirectories(EXPORT.getParent());
    Files.writeString(EXPORT, document);

    JsonNode doc = JSON.readTree(document);
    assertThat(doc.get("openapi").asText()).startsWith("3.");
    JsonNode info = doc.get("info");
    assertThat(info.get("title").asText()).isEqualTo("Noodrem API");
    assertThat(info.get("description").asText()).isNotBlank();
    assertThat(info.get("version").asText()).isEqualTo("1.0.0");
    assertThat(info.get("contact").get("name").asText()).isNotBlank();
    assertThat(info.get("contact").get("url").asText()).startsWith("https://");
    assertThat(info.get("contact").get("email").asText()).contains("@");
    assertThat(doc.get("servers").get(0).get("url").asText()).isEqualTo("https://noodrem.example.nl/api/v1");
    assertThat(doc.get("paths").fieldNames()).toIterable()
        .contains("/noodremmen/{referentie}", "/beheer/dode-brieven", "/beheer/dode-brieven/{id}/opnieuw")
        .allSatisfy(path -> assertThat(path).doesNotStartWith("/api/").doesNotEndWith("/"));
    doc.get("paths").forEach(item -> item.forEach(operation -> {
      JsonNode responses = operation.get("responses");
      assertThat(responses.has("400")).as(operation.get("operationId").asText()).isTrue();
      responses.fields().forEachRemaining(r -> {
        assertThat(r.getValue().get("headers").has("API-Version")).as(r.getKey()).isTrue();
        if (r.getKey().matches("[45]..")) {
          assertThat(r.getValue().get("content").has("application/problem+json")).as(r.getKey()).isTrue();
        }
      });
    }));
    assertThat(doc.at("/paths/~1beheer~1dode-brieven~1{id}~1opnieuw/post/responses").has("409")).isTrue();
    assertThat(doc.at("/components/schemas/Probleem/required").toString())
        .contains("\"status\"", "\"title\"", "\"detail\"");
  }

  // ---- API-Version -------------------------------------------------------------------------------------------

  @Test
  void anyAnswer_successOrError_carriesTheFullApiVersion() throws Exception {
    when(deadLetters.list(any(), any(), anyInt())).thenReturn(List.of());

    MockHttpServletResponse ok = send(get("/api/v1/beheer/dode-brieven").param("koppeling",
        Bridge.values()[0].code()), OPERATOR_KEY);

    assertThat(ok.getStatus()).isEqualTo(200);
    assertThat(ok.getHeader("API-Version")).isEqualTo("1.0.0");
    problem(send(get("/api/v1/noodremmen/NR-12345678"), null), 401);
    problem(send(get("/api/v1/noodremmen/NR-12345678"), OPERATOR_KEY), 403);
    problem(send(get("/api/v1/noodremmen/NR-12345678"), PARTNER_KEY), 404);
    problem(send(get("/api/v1/noodremmen/not-a-reference"), PARTNER_KEY), 400);
  }

  @Test
  void request_namingThisMajorVersion_isServed() throws Exception {
    when(deadLetters.list(any(), any(), anyInt())).thenReturn(List.of());
    for (String version : List.of("1", "1.0", "1.0.0", "1.7.3")) {
      MockHttpServletResponse ok = send(get("/api/v1/beheer/dode-brieven")
          .param("koppeling", Bridge.values()[0].code()).header("API-Version", version), OPERATOR_KEY);
      assertThat(ok.getStatus()).as(version).isEqualTo(200);
    }
  }

  @Test
  void request_namingAnotherMajorVersionOrNoVersion_isRefusedWith400BeforeAnythingHappens() throws Exception {
    for (String version : List.of("2", "2.0.0", "0.9", "v1", "1.0.0.0", "latest")) {
      JsonNode body = problem(send(get("/api/v1/beheer/dode-brieven").param("koppeling", Bridge.values()[0].code())
          .header("API-Version", version), OPERATOR_KEY), 400);
      assertThat(body.get("title").asText()).isEqualTo("Niet-ondersteunde API-versie");
    }
    verify(deadLetters, never()).list(any(), any(), anyInt());
  }

  // ---- malformed input ---------------------------------------------------------------------------------------

  @Test
  void discard_malformedJson_is400ProblemJson() throws Exception {
    when(deadLetters.find(5)).thenReturn(Optional.of(letter(5, DeadLetter.Status.OPEN)));

    problem(send(post("/api/v1/beheer/dode-brieven/5/afhandelen").contentType(MediaType.APPLICATION_JSON)
        .content("{\"notitie\": "), OPERATOR_KEY), 400);
    problem(send(post("/api/v1/beheer/dode-brieven/5/afhandelen").contentType(MediaType.APPLICATION_JSON)
        .content("{\"notitie\": {\"nested\": true}}"), OPERATOR_KEY), 400);
    problem(send(post("/api/v1/beheer/dode-brieven/5/afhandelen").contentType(MediaType.APPLICATION_JSON)
        .content(""), OPERATOR_KEY), 400);
    verify(deadLetters, never()).discard(anyLong(), anyString());
  }

  @Test
  void discard_notJson_is415ProblemJson() throws Exception {
    problem(send(post("/api/v1/beheer/dode-brieven/5/afhandelen").contentType(MediaType.TEXT_PLAIN)
        .content("weg ermee"), OPERATOR_KEY), 415);
  }

  @Test
  void list_parametersOfTheWrongTypeOrMissing_are400ProblemJson() throws Exception {
    String bridge = Bridge.values()[0].code();
    JsonNode wrongNumber = problem(send(get("/api/v1/beheer/dode-brieven").param("koppeling", bridge)
        .param("limiet", "veel"), OPERATOR_KEY), 400);
    assertThat(wrongNumber.get("detail").asText()).contains("limiet").doesNotContain("veel");
    problem(send(get("/api/v1/beheer/dode-brieven").param("koppeling", bridge).param("status", "WEG"),
        OPERATOR_KEY), 400);
    problem(send(get("/api/v1/beheer/dode-brieven").param("koppeling", bridge).param("limiet", "0"),
        OPERATOR_KEY), 400);
    problem(send(get("/api/v1/beheer/dode-brieven").param("koppeling", "onbekend"), OPERATOR_KEY), 400);
    JsonNode missing = problem(send(get("/api/v1/beheer/dode-brieven"), OPERATOR_KEY), 400);
    assertThat(missing.get("detail").asText()).contains("koppeling");
    problem(send(get("/api/v1/beheer/dode-brieven/tien"), OPERATOR_KEY), 400);
  }

  @Test
  void unknownResourceOrMethod_isProblemJsonNotTheDefaultErrorPage() throws Exception {
    problem(send(get("/api/v1/noodremmen/NR-12345678/extra"), PARTNER_KEY), 404);
    MockHttpServletResponse notAllowed = send(delete("/api/v1/noodremmen/NR-12345678"), PARTNER_KEY);
    problem(notAllowed, 405);
    assertThat(notAllowed.getHeader("Allow")).contains("GET");
  }

  @Test
  void unexpectedFailure_is500ProblemJsonWithoutDetailsOfTheCause() throws Exception {
    when(deadLetters.list(any(), any(), anyInt())).thenThrow(new IllegalStateException("secret internals"));

    JsonNode body = problem(send(get("/api/v1/beheer/dode-brieven").param("koppeling",
        Bridge.values()[0].code()), OPERATOR_KEY), 500);

    assertThat(body.toString()).doesNotContain("secret internals");
  }

  // ---- dead letters: 404 and 409 instead of 500 ---------------------------------------------------------------

  @Test
  void replay_discardedOrReplayedLetter_is409AndNotReplayed() throws Exception {
    when(deadLetters.find(7)).thenReturn(Optional.of(letter(7, DeadLetter.Status.DISCARDED)));
    when(deadLetters.find(8)).thenReturn(Optional.of(letter(8, DeadLetter.Status.REPLAYED)));

    problem(send(post("/api/v1/beheer/dode-brieven/7/opnieuw"), OPERATOR_KEY), 409);
    problem(send(post("/api/v1/beheer/dode-brieven/8/opnieuw"), OPERATOR_KEY), 409);
    verify(deadLetters, never()).replay(anyLong());
  }

  @Test
  void replay_letterHandledByAnotherOperatorMeanwhile_is409() throws Exception {
    when(deadLetters.find(9)).thenReturn(Optional.of(letter(9, DeadLetter.Status.OPEN)));
    when(deadLetters.replay(9)).thenThrow(new IllegalStateException("dead letter 9 is not open"));

    problem(send(post("/api/v1/beheer/dode-brieven/9/opnieuw"), OPERATOR_KEY), 409);
  }

  @Test
  void replayOrDiscard_unknownLetter_is404() throws Exception {
    when(deadLetters.find(anyLong())).thenReturn(Optional.empty());

    problem(send(post("/api/v1/beheer/dode-brieven/404/opnieuw"), OPERATOR_KEY), 404);
    problem(send(post("/api/v1/beheer/dode-brieven/404/afhandelen").contentType(MediaType.APPLICATION_JSON)
        .content("{\"notitie\": \"dubbel\"}"), OPERATOR_KEY), 404);
  }

  @Test
  void discard_alreadyDiscardedLetter_is409() throws Exception {
    when(deadLetters.find(7)).thenReturn(Optional.of(letter(7, DeadLetter.Status.DISCARDED)));

    problem(send(post("/api/v1/beheer/dode-brieven/7/afhandelen").contentType(MediaType.APPLICATION_JSON)
        .content("{\"notitie\": \"dubbel\"}"), OPERATOR_KEY), 409);
    verify(deadLetters, never()).discard(anyLong(), anyString());
  }

  @Test
  void replay_openLetter_isReplayedWith200() throws Exception {
    when(deadLetters.find(6)).thenReturn(Optional.of(letter(6, DeadLetter.Status.OPEN)));
    when(deadLetters.replay(6)).thenReturn(new DeadLetterService.ReplayOutcome(6, true, null));

    MockHttpServletResponse ok = send(post("/api/v1/beheer/dode-brieven/6/opnieuw"), OPERATOR_KEY);

    assertThat(ok.getStatus()).isEqualTo(200);
    assertThat(JSON.readTree(ok.getContentAsString()).get("delivered").asBoolean()).isTrue();
  }
}
