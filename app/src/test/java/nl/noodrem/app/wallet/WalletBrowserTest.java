package nl.noodrem.app.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import nl.noodrem.domain.AssistanceType;
import nl.noodrem.zkp.bbs.BbsCiphersuite;
import nl.noodrem.zkp.credential.BbsPresentationVerifier;
import nl.noodrem.zkp.credential.DebtAssistanceCredentialV1;
import nl.noodrem.zkp.credential.DebtAssistanceCredentialV1.CjibDisclosure;
import nl.noodrem.zkp.credential.KnownSchemas;
import nl.noodrem.zkp.credential.Presentation;
import nl.noodrem.zkp.credential.PresentationRequest;
import nl.noodrem.zkp.credential.VerifiedPresentation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The wallet bundle as the build ships it ({@code static/js/wallet.js} on the classpath) in a real browser: headless
 * Debian Chromium, driven by Selenium, on a page served from loopback by the JDK's HTTP server under a strict
 * Content-Security-Policy. The browser stores a credential signed in Java (encrypted in its IndexedDB), refuses a
 * tampered one, keeps the credential over a reload, exports and imports it, makes the proof, and Java's CJIB
 * verifier accepts the proof with the right disclosed values. The server sees the credential only when it hands
 * it out, never again.
 *
 * <p>Skipped (with the reason printed) only when {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is
 * absent. Driver and binary paths are set explicitly, so Selenium Manager never downloads anything.
 */
class WalletBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final String PASSPHRASE = "een lange zin als wachtwoord";

  /** The test page's script: a thin layer over the wallet API, as a portal page would use it. */
  private static final String PAGE_SCRIPT = """
      import {NoodremWallet} from '/js/wallet.js';

      const CJIB = 'urn:nl:oin:00000001003214345000:noodrem';
      const wallet = await NoodremWallet.open({
        resolveIssuerKey: async keyId => {
          const response = await fetch('/issuer-keys/' + encodeURIComponent(keyId));
          return response.ok ? response.json() : null;
        }
      });
      const text = async path => (await fetch(path)).text();

      window.noodremTest = {
        store: async () => wallet.addCredential(await text('/credential')),
        storeTampered: async () => {
          const doc = JSON.parse(await text('/credential'));
          doc.attributes.creditorCount = 1;
          return wallet.addCredential(JSON.stringify(doc));
        },
        list: () => wallet.listCredentials(),
        plan: async () => wallet.planPresentation(await text('/presentation-request'), {expectedAudience: CJIB}),
        present: async () => {
          const result = await wallet.present(await text('/presentation-request'),
            {consent: true, expectedAudience: CJIB});
          const response = await fetch('/presentation', {method: 'POST', body: result.presentation,
            headers: {'Content-Type': 'application/json'}});
          return {status: response.status, disclosed: result.disclosed};
        },
        exportClearImport: async passphrase => {
          const file = await wallet.exportCredentials(passphrase);
          await wallet.clear();
          const empty = (await wallet.listCredentials()).length;
          const result = await wallet.importCredentials(new Blob([file.text], {type: file.mediaType}), passphrase);
          return {count: file.count, empty, added: result.added.length, refused: result.refused};
        },
        rawStorage: () => new Promise((resolve, reject) => {
          const open = indexedDB.open('noodrem-wallet');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction(['keys', 'credentials']);
            const keys = tx.objectStore('keys').getAll();
            const rows = tx.objectStore('credentials').getAll();
            tx.oncomplete = () => {
              const key = keys.result[0].key;
              const plain = rows.result.map(r => new TextDecoder('latin1').decode(r.ciphertext)).join('');
              resolve({
                keyType: Object.prototype.toString.call(key),
                extractable: key.extractable,
                algorithm: key.algorithm.name + '-' + key.algorithm.length,
                records: rows.result.length,
                fields: Object.keys(rows.result[0]).sort(),
                containsBsn: plain.includes('999993653'),
                containsCounsellor: plain.includes('counsellor-0815')
              });
            };
          };
        })
      };
      document.body.dataset.ready = 'true';
      """;

  private static final String PAGE = """
      <!doctype html>
      <html lang="nl"><head><meta charset="utf-8"><title>Wallet test</title>
      <script type="module" src="/wallet-test.js"></script></head>
      <body><p>Wallet test</p></body></html>
      """;

  @TempDir
  Path dir;

  private TestIssuer issuer;
  private BbsPresentationVerifier cjib;
  private String credential;
  private String request;
  private HttpServer server;
  private ExecutorService serverThreads;
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final List<String> presentations = new CopyOnWriteArrayList<>();
  private WebDriver driver;
  private ChromeDriverService service;
  private String base;

  @BeforeEach
  void start() throws Exception {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      String why = "SKIPPED WalletBrowserTest: " + CHROMIUM + " or " + CHROMEDRIVER
          + " is absent (apt-get install chromium chromium-driver)";
      System.out.println(why);
      Assumptions.assumeTrue(false, why);
    }
    byte[] bundle = classpathResource("/static/js/wallet.js");
    byte[] sourceMap = classpathResource("/static/js/wallet.js.map");

    issuer = new TestIssuer(dir);
    cjib = issuer.cjib();
    credential = issuer.sign(BbsCiphersuite.BLS12_381_SHA_256, AssistanceType.MSNP, 0, 31337);
    PresentationRequest presentationRequest = cjib.createRequest(DebtAssistanceCredentialV1.SCHEMA,
        DebtAssistanceCredentialV1.CJIB_DISCLOSURE);
    request = presentationRequest.toJson();

    serverThreads = Executors.newFixedThreadPool(4);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(serverThreads);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      byte[] body = exchange.getRequestBody().readAllBytes();
      received.add(exchange.getRequestMethod() + " " + path + (body.length > 0 ? " " + new String(body,
          StandardCharsets.UTF_8) : ""));
      switch (path) {
        case "/wallet-test.html" -> send(exchange, 200, "text/html; charset=utf-8", PAGE.getBytes(StandardCharsets.UTF_8));
        case "/wallet-test.js" -> send(exchange, 200, "text/javascript", PAGE_SCRIPT.getBytes(StandardCharsets.UTF_8));
        case "/js/wallet.js" -> send(exchange, 200, "text/javascript", bundle);
        case "/js/wallet.js.map" -> send(exchange, 200, "application/json", sourceMap);
        case "/credential" -> send(exchange, 200, "application/json", credential.getBytes(StandardCharsets.UTF_8));
        case "/presentation-request" -> send(exchange, 200, "application/json", request.getBytes(StandardCharsets.UTF_8));
        case "/presentation" -> {
          presentations.add(new String(body, StandardCharsets.UTF_8));
          send(exchange, 204, null, new byte[0]);
        }
        default -> {
          String prefix = "/issuer-keys/";
          if (path.startsWith(prefix) && URLDecoder.decode(path.substring(prefix.length()), StandardCharsets.UTF_8)
              .equals(issuer.keyRecord.keyId())) {
            send(exchange, 200, "application/json", WalletProcess.JSON.writeValueAsBytes(issuer.keyRecordJson()));
          } else {
            send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
          }
        }
      }
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();

    Path profile = Files.createTempDirectory(dir, "chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        "--user-data-dir=" + profile);
    service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString()))
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
  }

  @AfterEach
  void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (service != null) {
      service.stop();
    }
    if (server != null) {
      server.stop(0);
    }
    if (serverThreads != null) {
      serverThreads.shutdownNow();
    }
  }

  @Test
  void browserWallet_storeReloadExportPresent_javaVerifiesProof() throws Exception {
    openPage();

    JsonNode stored = call("store");
    assertThat(stored.path("ok").asBoolean()).as(stored.toString()).isTrue();
    assertThat(stored.at("/value/issuerName").asText()).isEqualTo(TestIssuer.UTRECHT_NAME);
    assertThat(stored.at("/value/assistanceType").asText()).isEqualTo("MSNP");
    assertThat(stored.at("/value/validUntil").asText()).isEqualTo(LocalDate.now().plusYears(1).toString());

    JsonNode tampered = call("storeTampered");
    assertThat(tampered.path("ok").asBoolean()).isFalse();
    assertThat(tampered.path("code").asText()).isEqualTo("INVALID_SIGNATURE");
    assertThat(tampered.path("message").asText()).startsWith("De handtekening van de gemeente klopt niet");

    // the wallet key is a non-extractable CryptoKey in IndexedDB; the record holds only ciphertext
    JsonNode raw = call("rawStorage").get("value");
    assertThat(raw.get("keyType").asText()).isEqualTo("[object CryptoKey]");
    assertThat(raw.get("extractable").asBoolean()).isFalse();
    assertThat(raw.get("algorithm").asText()).isEqualTo("AES-GCM-256");
    assertThat(raw.get("records").asInt()).isEqualTo(1);
    assertThat(WalletProcess.JSON.convertValue(raw.get("fields"), List.class))
        .containsExactly("ciphertext", "id", "iv", "storedAt");
    assertThat(raw.get("containsBsn").asBoolean()).isFalse();
    assertThat(raw.get("containsCounsellor").asBoolean()).isFalse();

    // a reload reads the stored credential back with the stored key
    driver.navigate().refresh();
    waitUntilReady();
    JsonNode listed = call("list");
    assertThat(listed.get("value")).hasSize(1);
    assertThat(listed.at("/value/0/unreadable").asBoolean()).isFalse();
    assertThat(listed.at("/value/0/issuerLabel").asText()).isEqualTo(TestIssuer.UTRECHT_NAME);

    // export with a passphrase (PBKDF2 + AES-GCM in the browser), wipe, import
    JsonNode roundTrip = call("exportClearImport", PASSPHRASE).get("value");
    assertThat(roundTrip.get("count").asInt()).isEqualTo(1);
    assertThat(roundTrip.get("empty").asInt()).isZero();
    assertThat(roundTrip.get("added").asInt()).isEqualTo(1);
    assertThat(roundTrip.get("refused")).isEmpty();

    JsonNode plan = call("plan").get("value");
    assertThat(plan.get("disclosed")).extracting(a -> a.get("label").asText())
        .containsExactly("BSN", "Soort schuldhulp", "Startdatum hulp", "Geldig tot", "Statuslijst", "Index");
    assertThat(plan.get("hidden")).extracting(a -> a.get("label").asText())
        .containsExactly("Gemeente (OIN)", "Datum beschikking", "Schuldbedrag", "Aantal schuldeisers",
            "Schuldhulpverlener");

    JsonNode presented = call("present");
    assertThat(presented.path("ok").asBoolean()).as(presented.toString()).isTrue();
    assertThat(presented.at("/value/status").asInt()).isEqualTo(204);
    assertThat(presentations).hasSize(1);

    VerifiedPresentation verified = cjib.verify(Presentation.fromJson(presentations.get(0), KnownSchemas.builtIn()));
    CjibDisclosure facts = CjibDisclosure.from(verified);
    assertThat(facts.bsn()).isEqualTo(TestIssuer.BSN);
    assertThat(facts.assistanceType()).isEqualTo(AssistanceType.MSNP);
    assertThat(facts.helpStartDate()).isEqualTo(LocalDate.of(2025, 2, 17));
    assertThat(facts.statusListId()).isZero();
    assertThat(facts.statusIndex()).isEqualTo(31337);

    // what reached the server: the proof with six facts, never the credential, its signature or hidden facts
    String signature = WalletProcess.JSON.readTree(credential).get("signature").asText();
    assertThat(received).noneMatch(r -> r.contains(signature) || r.contains("counsellor-0815")
        || r.contains("debtAmountCents") || r.contains("noodrem-wallet-export"));
    assertThat(received).filteredOn(r -> r.startsWith("POST")).hasSize(1);
  }

  private void openPage() {
    driver.get(base + "/wallet-test.html");
    waitUntilReady();
  }

  private void waitUntilReady() {
    new WebDriverWait(driver, Duration.ofSeconds(60)).until(d ->
        "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
  }

  /** Calls window.noodremTest[name](args...) in the page; answers {ok, value} or {ok: false, code, message}. */
  private JsonNode call(String name, Object... args) throws IOException {
    Object answer = ((JavascriptExecutor) driver).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        const name = arguments[0];
        const args = Array.from(arguments).slice(1, arguments.length - 1);
        window.noodremTest[name](...args).then(
          value => done(JSON.stringify({ok: true, value})),
          error => done(JSON.stringify({ok: false, code: error.code ?? null, message: String(error.message)})));
        """, concat(name, args));
    return WalletProcess.JSON.readTree((String) answer);
  }

  private static Object[] concat(String first, Object[] rest) {
    Object[] all = new Object[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  private static byte[] classpathResource(String name) throws IOException {
    try (InputStream in = WalletBrowserTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is not on the classpath: the build makes it in process-resources "
            + "(node build.mjs); run the tests through Maven");
      }
      return in.readAllBytes();
    }
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    if (type != null) {
      exchange.getResponseHeaders().set("Content-Type", type);
    }
    // the portal's policy: only this origin's scripts, no inline script, no eval
    exchange.getResponseHeaders().set("Content-Security-Policy",
        "default-src 'none'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
