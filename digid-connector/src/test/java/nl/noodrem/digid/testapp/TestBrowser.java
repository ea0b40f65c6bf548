package nl.noodrem.digid.testapp;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
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

/** A cookie-keeping HTTP client that follows redirects itself, so a test can see every hop. */
public final class TestBrowser {

  public record Page(int status, URI uri, String body, List<URI> hops) {}

  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();

  public CookieManager cookies() {
    return cookies;
  }

  public Page get(String url) throws IOException, InterruptedException {
    return follow(HttpRequest.newBuilder(URI.create(url)).GET().build());
  }

  public Page post(String url, Map<String, String> form) throws IOException, InterruptedException {
    String body = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return follow(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private Page follow(HttpRequest first) throws IOException, InterruptedException {
    List<URI> hops = new ArrayList<>();
    HttpRequest request = first;
    for (int i = 0; i < 10; i++) {
      hops.add(request.uri());
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 3) {
        return new Page(response.statusCode(), request.uri(), response.body(), hops);
      }
      URI next = request.uri().resolve(response.headers().firstValue("Location").orElseThrow());
      request = HttpRequest.newBuilder(next).GET().build();
    }
    throw new IllegalStateException("redirect loop: " + hops);
  }

  /** The value attribute of the input named {@code name} in an HTML page. */
  public static String input(String html, String name) {
    Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\"[^>]*value=\"([^\"]*)\"").matcher(html);
    if (!m.find()) {
      throw new AssertionError("no input " + name + " in " + html);
    }
    return m.group(1);
  }

  public static String byId(String html, String id) {
    Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(html);
    if (!m.find()) {
      throw new AssertionError("no element " + id + " in " + html);
    }
    return m.group(1);
  }
}
