package nl.noodrem.app.production.devonly;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * DEVELOPMENT AND TEST ONLY. The load balancer of a local cluster: one public address in front of the app nodes,
 * sticky per browser (cookie {@value #COOKIE}, because the HTTP session with the DigiD login lives on one node),
 * and failing over to another node when the chosen one does not accept connections (a request that never reached
 * a node is safe to send to another one). What a production load balancer (nginx, HAProxy, a cloud LB) does;
 * written here because none can be installed from the reachable registries without root.
 *
 * <p>Usage: {@code StickyProxy <port> <backend URL>,<backend URL>...}
 */
public final class StickyProxy {

  static final String COOKIE = "NOODREM_NODE";
  private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
      "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length", "expect");

  private final List<URI> backends;
  private final AtomicLongArray downUntil;
  private final AtomicInteger next = new AtomicInteger();
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

  StickyProxy(List<URI> backends) {
    this.backends = List.copyOf(backends);
    this.downUntil = new AtomicLongArray(backends.size());
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: StickyProxy <port> <backend URL>,<backend URL>...");
    }
    List<URI> backends = java.util.Arrays.stream(args[1].split(",")).map(String::strip).map(URI::create).toList();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 512);
    ExecutorService workers = Executors.newFixedThreadPool(96);
    server.setExecutor(workers);
    StickyProxy proxy = new StickyProxy(backends);
    server.createContext("/", exchange -> {
      try {
        proxy.handle(exchange);
      } catch (IOException | RuntimeException e) {
        System.err.println("proxy: " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + ": " + e);
        throw e;
      }
    });
    server.start();
    System.out.println("sticky proxy on 127.0.0.1:" + args[0] + " -> " + backends + " (DEVELOPMENT ONLY)");
  }

  void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      int preferred = stickyBackend(exchange);
      for (int attempt = 0; attempt < backends.size(); attempt++) {
        int index = attempt == 0 && preferred >= 0 ? preferred : pick();
        if (index < 0) {
          break;
        }
        try {
          forward(exchange, body, index, index != preferred);
          return;
        } catch (ConnectException | HttpConnectTimeoutException e) {
          downUntil.set(index, System.currentTimeMillis() + 2000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        } catch (IOException e) {
          // the node took the request and failed on it: the caller decides whether to repeat it
          answer(exchange, 502, "node " + (index + 1) + " failed: " + e.getClass().getSimpleName());
          return;
        }
      }
      answer(exchange, 503, "no app node available");
    }
  }

  private void forward(HttpExchange exchange, byte[] body, int index, boolean setCookie)
      throws IOException, InterruptedException {
    URI target = backends.get(index).resolve(exchange.getRequestURI().toString());
    HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(120))
        .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    exchange.getRequestHeaders().forEach((name, values) -> {
      if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
        values.forEach(v -> request.header(name, v));
      }
    });
    request.header("X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress());
    request.header("X-Forwarded-Proto", "http");
    // the node builds absolute redirects from these (server.forward-headers-strategy), never from its own address
    String host = exchange.getRequestHeaders().getFirst("Host");
    if (host != null) {
      request.header("X-Forwarded-Host", host);
    }
    request.header("X-Forwarded-Port", Integer.toString(exchange.getLocalAddress().getPort()));
    HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    response.headers().map().forEach((name, values) -> {
      if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
        exchange.getResponseHeaders().put(name, new java.util.ArrayList<>(values));
      }
    });
    if (setCookie) {
      exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + (index + 1) + "; Path=/; HttpOnly; SameSite=Lax");
    }
    byte[] bytes = response.body();
    boolean noBody = "HEAD".equals(exchange.getRequestMethod()) || response.statusCode() == 204
        || response.statusCode() == 304;
    exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : (bytes.length == 0 ? -1 : bytes.length));
    if (!noBody && bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private int stickyBackend(HttpExchange exchange) {
    List<String> cookies = exchange.getRequestHeaders().get("Cookie");
    if (cookies != null) {
      for (String header : cookies) {
        for (String pair : header.split(";")) {
          String p = pair.strip();
          if (p.startsWith(COOKIE + "=")) {
            try {
              int index = Integer.parseInt(p.substring(COOKIE.length() + 1)) - 1;
              if (index >= 0 && index < backends.size() && up(index)) {
                return index;
              }
            } catch (NumberFormatException ignored) {
              // a foreign value: choose anew
            }
          }
        }
      }
    }
    return -1;
  }

  private int pick() {
    for (int i = 0; i < backends.size(); i++) {
      int index = Math.floorMod(next.getAndIncrement(), backends.size());
      if (up(index)) {
        return index;
      }
    }
    return Math.floorMod(next.getAndIncrement(), backends.size()); // all look down: try anyway
  }

  private boolean up(int index) {
    return downUntil.get(index) < System.currentTimeMillis();
  }

  private static void answer(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
