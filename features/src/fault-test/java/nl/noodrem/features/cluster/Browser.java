package nl.noodrem.features.cluster;

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
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A citizen's browser at HTTP level against the cluster: own cookies, follows every redirect itself (across the
 * load balancer and the DigiD simulator's host), sends the app's CSRF token like the portal's scripts.
 */
final class Browser {

  record Page(int status, URI uri, String body) {}

  private static final String CSRF_COOKIE = "NOODREM-XSRF";
  private static final String CSRF_HEADER = "X-NOODREM-XSRF";

  final URI base;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http;

  /** @param shared one client for all browsers (no cookie handler, no redirects): cookies are kept per browser */
  Browser(String base, HttpClient shared) {
    this.base = URI.create(base);
    this.http = shared;
  }

  static HttpClient sharedClient() {
    return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5))
        .version(HttpClient.Version.HTTP_1_1).build();
  }

  Page get(String pathOrUrl) throws IOException {
    return follow(HttpRequest.newBuilder(base.resolve(pathOrUrl)).timeout(Duration.ofSeconds(60)).GET().build(), true);
  }

  /** GET without following redirects. */
  Page peek(String path) throws IOException {
    return follow(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).GET().build(), false);
  }

  Page postForm(URI target, Map<String, String> form) throws IOException {
    String body = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return follow(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), true);
  }

  /** POST one of the portal's forms (with the CSRF token, as the page's form carries it), following redirects. */
  Page postPortalForm(String path, Map<String, String> form) throws IOException {
    if (csrfToken() == null) {
      get("/");
    }
    String body = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
    String token = csrfToken();
    if (token != null) {
      request.header(CSRF_HEADER, token);
    }
    return follow(request.build(), true);
  }

  /** POST JSON to the app (with the CSRF token), not following redirects: a redirect means "log in again". */
  Page postJson(String path, String json) throws IOException {
    if (csrfToken() == null) {
      get("/");
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    String token = csrfToken();
    if (token != null) {
      request.header(CSRF_HEADER, token);
    }
    return follow(request.build(), false);
  }

  void forgetCsrf() {
    cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(CSRF_COOKIE)).toList()
        .forEach(c -> cookies.getCookieStore().remove(null, c));
  }

  private HttpRequest withCookies(HttpRequest request) throws IOException {
    Map<String, java.util.List<String>> headers = cookies.get(request.uri(), Map.of());
    java.util.List<String> values = headers.getOrDefault("Cookie", java.util.List.of());
    if (values.isEmpty()) {
      return request;
    }
    return HttpRequest.newBuilder(request, (name, value) -> true).header("Cookie", String.join("; ", values)).build();
  }

  private String csrfToken() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(CSRF_COOKIE))
        .map(HttpCookie::getValue).findFirst().orElse(null);
  }

  private Page follow(HttpRequest first, boolean redirects) throws IOException {
    HttpRequest request = first;
    try {
      for (int i = 0; i < 12; i++) {
        HttpResponse<String> response = http.send(withCookies(request), HttpResponse.BodyHandlers.ofString());
        cookies.put(request.uri(), response.headers().map());
        if (!redirects || response.statusCode() / 100 != 3) {
          return new Page(response.statusCode(), request.uri(), response.body());
        }
        URI next = request.uri().resolve(response.headers().firstValue("Location").orElseThrow());
        request = HttpRequest.newBuilder(next).timeout(Duration.ofSeconds(60)).GET().build();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    } catch (IOException e) {
      throw new IOException(request.method() + " " + request.uri().getHost() + ":" + request.uri().getPort()
          + request.uri().getPath() + " failed: " + e, e);
    }
    throw new IOException("redirect loop from " + first.uri());
  }

  static String input(String html, String name) {
    Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\"[^>]*value=\"([^\"]*)\"").matcher(html);
    return m.find() ? m.group(1) : null;
  }
}
