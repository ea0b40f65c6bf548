package nl.noodrem.digid.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import nl.noodrem.digid.DigidMessages;
import nl.noodrem.digid.testapp.DigidTestApplication;
import nl.noodrem.digid.testapp.DigidTestPorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Acceptance: a real browser (Debian's Chromium, headless) logs in through the DigiD simulator over the
 * artifact binding — the SP resolves the artifact with a signed ArtifactResolve over mutual TLS — and lands
 * on the protected page authenticated with the chosen BSN and level.
 *
 * <p>Skipped (with the reason printed) only when {@code /usr/bin/chromium} is absent. Driver and binary
 * paths are explicit so that Selenium Manager never tries to download anything.
 */
@SpringBootTest(classes = DigidTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("dev")
class DigidBrowserAcceptanceTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final int PORT = DigidTestPorts.freePort();
  private static final String BASE = "http://localhost:" + PORT;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    DigidTestPorts.register(registry, PORT);
  }

  private WebDriver driver;
  private ChromeDriverService service;

  @BeforeEach
  void startBrowser() throws Exception {
    if (!Files.isExecutable(CHROMIUM)) {
      String why = "SKIPPED DigidBrowserAcceptanceTest: " + CHROMIUM + " is absent (apt-get install chromium chromium-driver)";
      System.out.println(why);
      System.err.println(why);
      Assumptions.assumeTrue(false, why);
    }
    Path profile = Files.createTempDirectory("digid-chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--user-data-dir=" + profile);
    service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
  }

  @AfterEach
  void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
    if (service != null) {
      service.stop();
    }
  }

  @Test
  void citizen_logsInThroughSimulatorWithArtifactBindingAndMutualTls_landsAuthenticatedWithBsnAndLevel() {
    driver.get(BASE + "/brake");

    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("requested-level")));
    assertThat(driver.getCurrentUrl()).startsWith(BASE + "/digid-simulator/login?SAMLRequest=");
    assertThat(driver.findElement(By.id("requested-level")).getText()).isEqualTo("SUBSTANTIEEL");
    WebElement bsn = driver.findElement(By.id("bsn"));
    bsn.clear();
    bsn.sendKeys("999998456");
    new Select(driver.findElement(By.id("level"))).selectByValue("HOOG");
    driver.findElement(By.id("login")).click();

    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("bsn")));
    assertThat(driver.getCurrentUrl()).isEqualTo(BASE + "/brake");
    assertThat(driver.findElement(By.id("bsn")).getText()).isEqualTo("999998456");
    assertThat(driver.findElement(By.id("level")).getText()).isEqualTo("HOOG");
  }

  @Test
  void citizen_cancelsAtSimulator_seesCancelTextInDutch() {
    driver.get(BASE + "/digid/login?returnTo=/public");
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("cancel"))).click();

    wait.until(ExpectedConditions.urlContains("digid=geannuleerd"));
    assertThat(driver.findElement(By.id("message")).getText()).isEqualTo(DigidMessages.CANCELLED);
  }
}
