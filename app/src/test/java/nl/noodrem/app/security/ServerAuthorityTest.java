package nl.noodrem.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.noodrem.app.support.DevAppProperties;
import nl.noodrem.app.support.TestPorts;
import nl.noodrem.digid.simulator.DigidSimulator;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * Authority on the server, against the whole development app with the staff connector switched on (ADR 0010): sent
 * as a citizen or an outsider would send it, not as the screens do.
 *
 * <ul>
 *   <li>Basis and Midden sessions on every municipality and brake URL (read from the controllers, so a new page is
 *       covered the day it is added) are stepped up to Substantieel, never answered 403 or served;
 *   <li>a requested lower level is ignored;
 *   <li>staff surfaces answer only on the staff port, the citizen port answers 404 for them (and the other way
 *       round); wrong passwords sent from the citizen side reach nothing; failed logins on the staff side slow down
 *       that source only and never lock the account;
 *   <li>every listener of the dev system (this JVM and the processes it started) is on the loopback interface.
 * </ul>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class ServerAuthorityTest {

  private static final String DEN_HAAG = "00000001999990001000";

  @TempDir static Path dataDir;

  static final int port = TestPorts.free();
  static final int staffPort = TestPorts.free();
  static final String citizen = "http://localhost:" + port;
  static final String staff = "http://localhost:" + staffPort;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    DevAppProperties.register(registry, dataDir, port);
    registry.add("noodrem.staff.port", () -> staffPort);
  }

  @Autowired IdentityService identityService;
  @Autowired DigidSimulator simulator;
  @Autowired nl.noodrem.standin.SftpServerStandin sftp;

  // ------------------------------------------------------------------ levels per purpose

  @Test
  void everyMunicipalityAndBrakeUrl_basisOrMiddenSession_isSteppedUpToSubstantieel() throws Exception {
    List<Route> routes = citizenRoutes();
    assertThat(routes).as("routes read from the controllers").hasSizeGreaterThanOrEqualTo(15);
    for (String level : List.of("BASIS", "MIDDEN")) {
      Browser browser = new Browser();
      browser.login(level);
      for (Route route : routes) {
        HttpResponse<String> response = browser.send(route);
        String what = level + " " + route;
        if (route.api()) {
          assertThat(response.statusCode()).as(what).isEqualTo(401);
          assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).as(what)
              .contains("error=\"insufficient_user_authentication\"").contains("level=\"SUBSTANTIEEL\"");
        } else {
          String returnTo = route.method().equals("GET") ? route.path() : "/";
          assertThat(response.statusCode()).as(what).isEqualTo(302);
          String login = "/digid/login?returnTo=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8) + "&level=SUBSTANTIEEL";
          assertThat(response.headers().firstValue("Location").orElse("")).as(what).isIn(login, citizen + login);
        }
      }
      HttpResponse<String> stepUp = browser.get(citizen + "/digid/login?returnTo=%2Fportaal%2Fnoodrem&level=SUBSTANTIEEL");
      assertThat(browser.follow(stepUp).body()).contains("id=\"requested-level\">SUBSTANTIEEL<");
    }
  }

  @Test
  void municipalityStartPage_visitorWithoutSession_isServed() throws Exception {
    Browser browser = new Browser();
    assertThat(browser.get(citizen + "/gemeente/" + DEN_HAAG).statusCode()).isEqualTo(200);
    assertThat(browser.get(citizen + "/noodrem").statusCode()).isEqualTo(200);
  }

  @Test
  void substantieelSession_opensTheBrakeAndTheMunicipalityRequestPage() throws Exception {
    Browser browser = new Browser();
    browser.login("SUBSTANTIEEL");
    assertThat(browser.get(citizen + "/portaal/noodrem").statusCode()).isEqualTo(200);
    assertThat(browser.get(citizen + "/gemeente/" + DEN_HAAG + "/schuldhulpbewijs").statusCode()).isEqualTo(200);
  }

  @Test
  void login_requestedLevelBelowTheRoute_asksTheRoutesLevel() throws Exception {
    Browser browser = new Browser();
    for (String returnTo : List.of("/portaal/noodrem", "/gemeente/" + DEN_HAAG + "?verder=1", "/noodrem?verder=1")) {
      HttpResponse<String> page = browser.follow(
          browser.get(citizen + "/digid/login?level=BASIS&returnTo=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8)));
      assertThat(page.body()).as(returnTo).contains("id=\"requested-level\">SUBSTANTIEEL<")
          .contains("id=\"force-authn\">true<");
    }
  }

  // ------------------------------------------------------------------ staff surfaces apart

  @Test
  void citizenPort_staffSurfaces_are404() throws Exception {
    Browser browser = new Browser();
    for (String path : List.of("/camunda/app/cockpit/default/", "/camunda/app/tasklist/default/", "/camunda/app/admin/default/",
        "/camunda/api/engine/engine/", "/engine-rest/engine", "/api/v1/beheer/dode-brieven?koppeling=debt-help-batch")) {
      assertThat(browser.send(HttpRequest.newBuilder(URI.create(citizen + path)).header("X-Api-Key", "dev-only-api-key-cjib-beheer")
          .header("Authorization", basic("admin", "dev-only-admin")).build()).statusCode()).as(path).isEqualTo(404);
    }
  }

  @Test
  void staffPort_servesStaffSurfacesAndNothingElse() throws Exception {
    Browser browser = new Browser();
    assertThat(browser.get(staff + "/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
    assertThat(browser.send(HttpRequest.newBuilder(URI.create(staff + "/engine-rest/user")).build()).statusCode())
        .as("Basic needed").isEqualTo(401);
    assertThat(browser.send(HttpRequest.newBuilder(URI.create(staff + "/engine-rest/user"))
        .header("Authorization", basic("admin", "dev-only-admin")).build()).statusCode()).isEqualTo(200);
    assertThat(browser.send(HttpRequest.newBuilder(URI.create(staff + "/api/v1/beheer/dode-brieven?koppeling=debt-help-batch"))
        .header("X-Api-Key", "dev-only-api-key-cjib-beheer").build()).statusCode()).isEqualTo(200);
    for (String path : List.of("/", "/noodrem", "/portaal/noodrem", "/gemeente", "/digid/login", "/digid-simulator/metadata",
        "/api/v1/openapi.json", "/services/standin/schuldhulpregistratie/v1?wsdl")) {
      assertThat(browser.get(staff + path).statusCode()).as(path).isEqualTo(404);
    }
  }

  @Test
  void wrongPasswordsFromTheCitizenSide_reachNoLoginAndLockNothing() throws Exception {
    Browser outsider = new Browser();
    for (int i = 0; i < 15; i++) {
      assertThat(outsider.send(HttpRequest.newBuilder(URI.create(citizen + "/camunda/api/admin/auth/user/default/login/cockpit"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=wrong" + i)).build()).statusCode()).isEqualTo(404);
      assertThat(outsider.send(HttpRequest.newBuilder(URI.create(citizen + "/engine-rest/user"))
          .header("Authorization", basic("admin", "wrong" + i)).build()).statusCode()).isEqualTo(404);
    }
    assertThat(new Browser().cockpitLogin(staff, "admin", "dev-only-admin").statusCode()).isEqualTo(200);
  }

  @Test
  void failedStaffLogins_slowDownThatSourceOnly_neverLockTheAccount() throws Exception {
    Browser guesser = new Browser();
    for (int i = 0; i < 5; i++) {
      assertThat(guesser.cockpitLogin(staff, "procesbeheer", "wrong" + i).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> throttled = guesser.cockpitLogin(staff, "procesbeheer", "dev-only-procesbeheer");
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
    assertThat(throttled.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(throttled.body()).contains("\"status\":429");
    assertThat(guesser.send(HttpRequest.newBuilder(URI.create(staff + "/engine-rest/engine"))
        .header("Authorization", basic("procesbeheer", "dev-only-procesbeheer")).build()).statusCode())
        .as("engine REST from the same source and user too").isEqualTo(429);

    // the same account from another source address logs in at once
    assertThat(RawHttp.cockpitLogin(InetAddress.getByName("127.0.0.2"), staffPort, "procesbeheer", "dev-only-procesbeheer"))
        .isEqualTo(200);
  }

  @Test
  void camundasOwnLockout_isOff_manyWrongPasswordsThenTheRightOneSucceeds() {
    for (int i = 0; i < 15; i++) {
      assertThat(identityService.checkPassword("netwerkbeheer", "wrong" + i)).isFalse();
    }
    assertThat(identityService.checkPassword("netwerkbeheer", "dev-only-netwerkbeheer")).isTrue();
  }

  // ------------------------------------------------------------------ dev listeners on loopback

  @Test
  void devProfile_everyListenerOfTheSystem_isOnLoopback() throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux /proc to list listening sockets");
    Set<String> inodes = new HashSet<>();
    Stream.concat(Stream.of(ProcessHandle.current()), ProcessHandle.current().descendants()).forEach(process -> {
      try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(process.pid()), "fd"))) {
        fds.forEach(fd -> {
          try {
            Matcher m = Pattern.compile("socket:\\[(\\d+)]").matcher(Files.readSymbolicLink(fd).toString());
            if (m.matches()) {
              inodes.add(m.group(1));
            }
          } catch (IOException gone) {
            // the descriptor closed while we looked
          }
        });
      } catch (IOException gone) {
        // the process ended while we looked
      }
    });
    List<Listener> listeners = new ArrayList<>();
    for (String table : List.of("tcp", "tcp6")) {
      for (String line : Files.readAllLines(Path.of("/proc/self/net", table)).subList(1, Files.readAllLines(Path.of("/proc/self/net", table)).size())) {
        String[] f = line.trim().split("\\s+");
        if ("0A".equals(f[3]) && inodes.contains(f[9])) {
          String[] local = f[1].split(":");
          listeners.add(new Listener(local[0], Integer.parseInt(local[1], 16)));
        }
      }
    }
    Set<Integer> ports = new LinkedHashSet<>();
    listeners.forEach(l -> ports.add(l.port()));
    assertThat(ports).as("the app, staff, simulator and SFTP ports are among them").contains(port, staffPort,
        simulator.artifactResolutionPort(), sftp.port());
    assertThat(listeners).as("listening sockets").allSatisfy(l -> assertThat(l.loopback()).as(l.toString()).isTrue());
  }

  /** A listening socket from /proc/net/tcp(6): the address in the kernel's hex notation. */
  record Listener(String hexAddress, int port) {
    boolean loopback() {
      String a = hexAddress.toUpperCase(Locale.ROOT);
      // 127.x.x.x little-endian; ::1; ::ffff:127.x.x.x
      return (a.length() == 8 && a.endsWith("7F"))
          || a.equals("00000000000000000000000001000000")
          || (a.startsWith("0000000000000000FFFF0000") && a.endsWith("7F"));
    }
  }

  // ------------------------------------------------------------------ helpers

  /** A route of a citizen controller with its path variables filled in. */
  record Route(String method, String path) {
    boolean api() {
      return path.contains("/api/");
    }
  }

  /** Every GET and POST mapping of the app's controllers under /gemeente, /portaal and /noodrem. */
  static List<Route> citizenRoutes() throws Exception {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
    List<Route> routes = new ArrayList<>();
    for (BeanDefinition definition : scanner.findCandidateComponents("nl.noodrem.app")) {
      for (Method method : Class.forName(definition.getBeanClassName()).getDeclaredMethods()) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
        if (mapping == null) {
          continue;
        }
        for (String path : mapping.path().length > 0 ? mapping.path() : mapping.value()) {
          if (!(path.startsWith("/gemeente") || path.startsWith("/portaal") || path.startsWith("/noodrem"))) {
            continue;
          }
          String filled = path.replace("{oin}", DEN_HAAG).replaceAll("\\{[^}]+}", "x");
          for (RequestMethod verb : mapping.method()) {
            routes.add(new Route(verb.name(), filled));
          }
        }
      }
    }
    return routes;
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A cookie-keeping client that does not follow redirects. */
  static final class Browser {
    final CookieManager cookies = new CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL);
    final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String url) throws Exception {
      return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build());
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(Route route) throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(citizen + route.path()))
          .header("Accept", route.api() ? "application/json" : "text/html");
      if (route.method().equals("POST")) {
        request.header(SecurityConfiguration.CSRF_HEADER, cookie(SecurityConfiguration.CSRF_COOKIE))
            .header("Content-Type", route.api() ? "application/json" : "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(route.api() ? "{}" : ""));
      }
      return send(request.build());
    }

    HttpResponse<String> follow(HttpResponse<String> response) throws Exception {
      for (int i = 0; i < 10 && response.statusCode() / 100 == 3; i++) {
        response = get(response.uri().resolve(response.headers().firstValue("Location").orElseThrow()).toString());
      }
      return response;
    }

    String cookie(String name) {
      return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue)
          .findFirst().orElseThrow(() -> new AssertionError("no cookie " + name));
    }

    /** Logs in through the DigiD simulator at {@code level}, returning to the (public) home page. */
    void login(String level) throws Exception {
      HttpResponse<String> simulatorPage = follow(get(citizen + "/digid/login?returnTo=%2F&level=" + level));
      String body = simulatorPage.body();
      String form = "login=" + input(body, "login") + "&_csrf=" + input(body, "_csrf") + "&bsn=999993653&level=" + level + "&action=login";
      HttpResponse<String> landed = follow(send(HttpRequest.newBuilder(URI.create(citizen + "/digid-simulator/login/complete"))
          .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build()));
      assertThat(landed.statusCode()).as("logged in at " + level).isEqualTo(200);
      assertThat(landed.uri().getPath()).isEqualTo("/");
    }

    HttpResponse<String> cockpitLogin(String base, String user, String password) throws Exception {
      get(base + "/camunda/app/cockpit/default/");
      return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/cockpit"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
          .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build());
    }

    static String input(String html, String name) {
      Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\"[^>]*value=\"([^\"]*)\"").matcher(html);
      assertThat(m.find()).as("input " + name).isTrue();
      return URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
    }
  }

  /** HTTP/1.1 by hand over a socket bound to a chosen local address: another source for the throttle. */
  static final class RawHttp {
    static int cockpitLogin(InetAddress from, int port, String user, String password) throws IOException {
      Map<String, String> cookies = new java.util.LinkedHashMap<>();
      exchange(from, port, "GET /camunda/app/cockpit/default/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", cookies);
      String body = "username=" + user + "&password=" + password;
      String cookieHeader = String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
      String response = exchange(from, port, "POST /camunda/api/admin/auth/user/default/login/cockpit HTTP/1.1\r\nHost: localhost\r\n"
          + "Connection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nX-XSRF-TOKEN: " + cookies.get("XSRF-TOKEN")
          + "\r\nCookie: " + cookieHeader + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body, cookies);
      return Integer.parseInt(response.split(" ", 3)[1]);
    }

    private static String exchange(InetAddress from, int port, String request, Map<String, String> cookies) throws IOException {
      try (Socket socket = new Socket()) {
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
        socket.setSoTimeout(10000);
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.UTF_8));
        out.flush();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String response = all.toString(StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?im)^Set-Cookie:\\s*([^=;\\s]+)=([^;\\r\\n]*)").matcher(response);
        while (m.find()) {
          cookies.put(m.group(1), m.group(2));
        }
        return response;
      }
    }
  }
}
