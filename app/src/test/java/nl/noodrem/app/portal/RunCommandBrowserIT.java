package nl.noodrem.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.noodrem.app.support.TestPorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The README's run command, started as the README says ({@code app/src/run/noodrem.sh} from the repository root: the
 * extracted jar with its class-data archive, one Java process), then Cockpit, Tasklist and Admin in headless Chromium:
 * each must render its login (a missing plugin script leaves only a spinner), Cockpit must show its dashboard after
 * the development login. Stopped with SIGTERM, it must end everything with its closing line, and its log on this
 * happy path must hold no ERROR, no generated password and no broker audit lines.
 *
 * <p>Runs after {@code package} (failsafe): the jar this Maven run just built is the one started, so the command is
 * told not to look for changed sources ({@code NOODREM_BUILD=never}); everything else is the README's command.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunCommandBrowserIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path COMMAND = ROOT.resolve("app/src/run/noodrem.sh");
  private static final Duration START_LIMIT = Duration.ofMinutes(25);

  private final int port = TestPorts.free();
  private final String base = "http://localhost:" + port;
  private final List<PortalBrowser.AxeFinding> findings = new ArrayList<>();
  private Process app;
  private Path log;
  private PortalBrowser browser;

  @BeforeAll
  void start() throws Exception {
    Assumptions.assumeTrue(PortalBrowser.available(), "headless Chromium and chromedriver are needed");
    Assumptions.assumeTrue(Files.isRegularFile(ROOT.resolve("app/target/noodrem-app-exec.jar")),
        "the runnable jar is built by the package phase");
    Path data = Files.createTempDirectory("noodrem-run-command");
    log = data.resolve("run.log");
    ProcessBuilder builder = new ProcessBuilder("bash", COMMAND.toString()).directory(ROOT.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("NOODREM_BUILD", "never");
    builder.environment().put("PORT", Integer.toString(port));
    builder.environment().put("NOODREM_DATA_DIR", data.resolve("data").toString());
    builder.environment().put("NOODREM_DIGID_SIMULATOR_PORT", Integer.toString(TestPorts.free()));
    builder.environment().put("NOODREM_STANDIN_SFTP_PORT", Integer.toString(TestPorts.free()));
    app = builder.start();
    awaitHealthy();
    browser = new PortalBrowser(base, findings);
  }

  @AfterAll
  void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (app != null && app.isAlive()) {
      // a start that failed: end the dev chain too, or it outlives the killed app
      app.descendants().forEach(ProcessHandle::destroyForcibly);
      app.destroyForcibly();
    }
  }

  @Test
  @Order(1)
  void pluginScripts_ofTheStaffApps_areServed() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (String webapp : List.of("cockpit", "tasklist", "admin")) {
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(
          base + "/camunda/api/" + webapp + "/plugin/" + webapp + "Plugins/static/app/plugin.js")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(webapp + " plugin.js").isEqualTo(200);
    }
  }

  @Test
  @Order(2)
  void staffApps_inChromium_renderTheirLoginAndCockpitItsDashboard() throws IOException {
    for (String webapp : List.of("tasklist", "admin", "cockpit")) {
      browser.driver.get(base + "/camunda/app/" + webapp + "/default/");
      browser.waiting(120).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
    }
    browser.driver.findElement(By.cssSelector("input[type=text], input[name=username], input#username"))
        .sendKeys("admin");
    browser.driver.findElement(By.cssSelector("input[type=password]")).sendKeys("dev-only-admin");
    browser.driver.findElement(By.cssSelector("button[type=submit]")).click();
    // the dashboard lists the deployed processes: only a rendered Cockpit (all plugins loaded) shows them
    browser.waiting(120).until(d -> d.getPageSource().contains("emergency-brake")
        || d.getPageSource().contains("Process Definitions"));
    browser.screenshot("60-cockpit-run-command");
  }

  @Test
  @Order(3)
  void sigterm_stopsEverythingWithAClosingLine_andTheLogStayedQuiet() throws Exception {
    long pid = app.pid();
    List<ProcessHandle> children = ProcessHandle.of(pid).map(p -> p.descendants().toList()).orElse(List.of());
    app.destroy();
    // everything is down when the closing line is out; after it the JVM may still write the class-data archive
    // (the first stop of a build), which takes long on a loaded machine and is no part of stopping the system
    Instant limit = Instant.now().plus(Duration.ofMinutes(5));
    while (!Files.readString(log, StandardCharsets.UTF_8).contains("Noodrem has stopped") && app.isAlive()
        && Instant.now().isBefore(limit)) {
      Thread.sleep(500);
    }
    assertThat(Files.readString(log, StandardCharsets.UTF_8)).as("closing line after SIGTERM").contains("Noodrem has stopped");
    assertThat(children).allSatisfy(child -> assertThat(child.isAlive()).as("child " + child.pid()).isFalse());
    assertThat(app.waitFor(20, TimeUnit.MINUTES)).as("the process ended after SIGTERM").isTrue();
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(output).contains("Noodrem is running", "DEVELOPMENT-ONLY logins", "admin / dev-only-admin",
        "Noodrem has stopped");
    assertThat(output.lines().filter(l -> l.contains(" ERROR ")).toList()).as("ERROR lines").isEmpty();
    assertThat(output).doesNotContain("Using generated security password").doesNotContain("AMQ601");
  }

  private void awaitHealthy() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant limit = Instant.now().plus(START_LIMIT);
    while (Instant.now().isBefore(limit)) {
      assertThat(app.isAlive()).as("the run command ended early:\n" + tail()).isTrue();
      // health is asked only once the banner is out: probing a starting app makes Camel's readiness check warn
      if (!Files.readString(log, StandardCharsets.UTF_8).contains("Noodrem is running")) {
        Thread.sleep(2000);
        continue;
      }
      try {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200 && answer.body().startsWith("{\"status\":\"UP\"")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(2000);
    }
    throw new AssertionError("not healthy within " + START_LIMIT + ":\n" + tail());
  }

  private String tail() throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }
}
