package nl.noodrem.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import nl.noodrem.app.support.DevAppProperties;
import nl.noodrem.app.support.TestPorts;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

// Camunda delays logins of a user after a failed attempt, so the failing login runs last.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class ApplicationStartTest {

  @TempDir static Path dataDir;

  static final int port = TestPorts.free();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    DevAppProperties.register(registry, dataDir, port);
  }

  private final java.net.CookieManager cookies = new java.net.CookieManager();
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

  /** Camunda's webapps guard their API with a CSRF token handed out as a cookie on the first page load. */
  private HttpResponse<String> login(String password) throws Exception {
    http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/cockpit/default/")).build(),
        HttpResponse.BodyHandlers.discarding());
    String token = cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
    return http.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default/login/cockpit"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + password))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void cockpitLogin_withConfiguredAdmin_succeeds() throws Exception {
    HttpResponse<String> response = login("dev-only-admin");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"userId\":\"admin\"").contains("cockpit");
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void cockpitLogin_withWrongPassword_isRefused() throws Exception {
    HttpResponse<String> response = login("wrong");
    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void health_includesTheDatabaseAndTheChainWithItsContractsAndDemoIssuers() throws Exception {
    // components come up in their own time after the context (routes, subscription): wait for UP, then look
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build();
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
        .until(() -> http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("\"db\":{\"status\":\"UP\"")
        .contains("\"chain\":{\"status\":\"UP\"")
        .contains("\"IssuerRegistry\":\"0x", "\"SchemaRegistry\":\"0x", "\"StatusListRegistry\":\"0x")
        .contains("Gemeente Den Haag", "Gemeente Eindhoven")
        .containsPattern("\"blockNumber\":[1-9]");
  }
}
