package nl.noodrem.camel.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Reads {@code /actuator/health} over HTTP, as a platform's probe or an operator would. */
public final class Health {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Health() {}

  /** The whole health document. */
  public static JsonNode document(int port) throws Exception {
    HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/actuator/health")).GET().build(), HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readTree(answer.body());
  }

  /** One bridge's node: {@code components.bridges.components.<bridge>}. */
  public static JsonNode bridge(int port, String bridge) throws Exception {
    return document(port).path("components").path("bridges").path("components").path(bridge);
  }
}
