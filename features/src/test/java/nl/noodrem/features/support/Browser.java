package nl.noodrem.features.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a citizen's browser does, at HTTP level: keeps cookies, follows redirects itself (so every hop of the
 * DigiD artifact binding really happens), and sends the app's CSRF token like the portal's scripts do.
 */
public final class Browser {

  public record Page(int status, URI uri, String body) {}

  private static final String CSRF_COOKIE = "NOODREM-XSRF";
  private static final String CSRF_HEADER = "X-NOODREM-XSRF";

  private final String base;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http =
      HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();

  public Browser(String base) {
    this.base = base;
  }

  public Page get(String path) {
    return follow(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
  }

  public Page postForm(String path, Map<String, String> form) {
    String body = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return follow(withCsrf(HttpRequest.newBuilder(URI.create(base + path)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  public Page postJson(String path, String json) {
    return follow(withCsrf(HttpRequest.newBuilder(URI.create(base + path)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  private HttpRequest.Builder withCsrf(HttpRequest.Builder builder) {
    if (csrfToken() == null) {
      get("/"); // any page hands out the token cookie
    }
    String token = csrfToken();
    return token == null ? builder : builder.header(CSRF_HEADER, token);
  }

  private String csrfToken() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(CSRF_COOKIE))
        .map(HttpCookie::getValue).findFirst().orElse(null);
  }

  private Page follow(HttpRequest first) {
    List<URI> hops = new ArrayList<>();
    HttpRequest request = first;
    try {
      for (int i = 0; i < 10; i++) {
        hops.add(request.uri());
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 3) {
          return new Page(response.statusCode(), request.uri(), response.body());
        }
        URI next = request.uri().resolve(response.headers().firstValue("Location").orElseThrow());
        request = HttpRequest.newBuilder(next).GET().build();
      }
    } catch (IOException e) {
      throw new IllegalStateException("HTTP to the app failed: " + hops, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    throw new IllegalStateException("redirect loop: " + hops);
  }

  /** The value attribute of the input named {@code name}. */
  public static String input(String html, String name) {
    Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\"[^>]*value=\"([^\"]*)\"").matcher(html);
    if (!m.find()) {
      throw new AssertionError("no input " + name + " in page");
    }
    return m.group(1);
  }
}
