package nl.noodrem.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.noodrem.app.NoodremApplication;
import nl.noodrem.app.chain.DemoMunicipalities;
import nl.noodrem.app.support.DevAppProperties;
import nl.noodrem.app.support.TestPorts;
import nl.noodrem.digid.DigidMessages;
import nl.noodrem.standin.CollectionSystemStandin;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The citizen portal in a real browser (headless Debian Chromium) against the whole application: H2, the dev chain
 * (Anvil) with the demo municipalities accredited, embedded Artemis, the DigiD simulator over mutual TLS and the legacy
 * stand-ins, with only the polling intervals shortened.
 *
 * <p>One citizen's story runs in order: DigiD login at the municipality, the proof of debt help collected into the
 * wallet, a wallet backup, the brake pulled (4 months), the proof presented in the browser, the 12-month hold. Around
 * it: the public pages, DigiD's cancel, error and logout texts, a citizen without debt help, the session warning and
 * a phone-width pass. Every citizen page is checked with axe-core in Dutch and English (no serious or critical
 * violation allowed) and, with {@code -Dnoodrem.screenshots=<dir>}, photographed (see docs/screenshots/README.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SpringBootTest(classes = NoodremApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class PortalBrowserTest {

  private static final int PORT = TestPorts.free();
  private static final String BASE = "http://localhost:" + PORT;
  private static final Path DATA = tempDir();
  private static final ZoneId NL = ZoneId.of("Europe/Amsterdam");
  private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl-NL"));
  private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("en-GB"));

  /** Seed data of the stand-ins: three open cases at CJIB, and a Wgs decision (MSNP) at Den Haag. */
  private static final String CITIZEN = "999993653";
  private static final List<String> CITIZEN_CASES = List.of("2025000000001001", "2025000000001002", "SB-2024-000417");
  /** Seed data: Den Haag refused this citizen's debt-help application (no decision to give help). */
  private static final String CITIZEN_WITHOUT_HELP = "999990019";
  /** Seed data: Den Haag's decision is under objection (BEZWAAR), so a debt counsellor must decide. */
  private static final String CITIZEN_WITH_UNCLEAR_DECISION = "111222333";
  private static final String DEN_HAAG = DemoMunicipalities.DEN_HAAG.oin().value();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    DevAppProperties.register(registry, DATA, PORT);
    registry.add("noodrem.legacy.debt-help-batch.poll-delay-ms", () -> 300);
    registry.add("noodrem.legacy.debt-help-db.poll-delay-ms", () -> 500);
    registry.add("noodrem.chain.poll-interval", () -> "PT0.2S");
    registry.add("camunda.bpm.job-execution.max-wait", () -> 500);
    registry.add("camunda.bpm.job-execution.wait-time-in-millis", () -> 100);
  }

  @Autowired CollectionSystemStandin collection;
  @Autowired TaskService tasks;
  @Autowired org.camunda.bpm.engine.IdentityService identity;

  private final List<PortalBrowser.AxeFinding> findings = Collections.synchronizedList(new ArrayList<>());
  private PortalBrowser browser;

  @BeforeAll
  void startBrowser() throws IOException {
    if (!PortalBrowser.available()) {
      String why = "SKIPPED PortalBrowserTest: /usr/bin/chromium or /usr/bin/chromedriver is absent "
          + "(apt-get install chromium chromium-driver)";
      System.out.println(why);
      Assumptions.assumeTrue(false, why);
    }
    Assumptions.assumeTrue(Files.isReadable(PortalBrowser.AXE),
        "axe-core is missing: run npm ci in app/src/main/frontend (the Maven build does)");
    browser = new PortalBrowser(BASE, findings);
  }

  @AfterAll
  void stopBrowser() throws IOException {
    if (browser != null) {
      browser.close();
    }
    // what axe found below "serious", for the record (target/portal-axe-report.txt)
    String report = findings.stream()
        .map(f -> f.page() + "\t" + f.impact() + "\t" + f.id() + "\t" + f.nodes() + " node(s)\t" + f.help())
        .collect(Collectors.joining("\n", "page\timpact\trule\tnodes\thelp\n", "\n"));
    Files.writeString(Path.of("target/portal-axe-report.txt"), report, StandardCharsets.UTF_8);
  }

  // ------------------------------------------------------------------------------------------------ public pages

  @Test
  @Order(1)
  void publicPages_inDutchAndEnglish_passAccessibilityChecks() throws IOException {
    for (String lang : List.of("en", "nl")) {
      browser.open("/?lang=" + lang);
      assertThat(browser.script("return document.documentElement.lang")).isEqualTo(lang);
      assertThat(browser.driver.findElement(By.tagName("h1")).getText())
          .isEqualTo(lang.equals("nl") ? "Kunt u uw boetes niet betalen?" : "Can you not pay your fines?");
      assertThat(browser.text("pad-noodrem")).contains(lang.equals("nl") ? "Ik kan mijn boete(s) niet betalen"
          : "I cannot pay my fine(s)");
      assertThat(browser.text("pad-gemeente")).contains(lang.equals("nl")
          ? "Bewijs van schuldhulp aanvragen bij mijn gemeente" : "Request proof of debt help from my municipality");
      browser.check("01-home-" + lang);

      browser.open("/noodrem");
      assertThat(browser.driver.findElement(By.id("inloggen-digid")).getText())
          .contains(lang.equals("nl") ? "Inloggen met DigiD" : "Log in with DigiD");
      browser.check("02-noodrem-start-" + lang);

      browser.open("/gemeente");
      assertThat(browser.driver.findElements(By.cssSelector(".portal-choice"))).hasSize(2);
      browser.check("10-gemeente-kiezen-" + lang);

      browser.open("/gemeente/" + DEN_HAAG);
      assertThat(browser.driver.getPageSource()).contains("id=\"contact\"", "14 070");
      browser.check("11-gemeente-start-" + lang);

      browser.open("/gemeente/12345");
      assertThat(browser.driver.findElement(By.tagName("h1")).getText())
          .isEqualTo(lang.equals("nl") ? "Deze pagina bestaat niet" : "This page does not exist");
      browser.check("90-niet-gevonden-" + lang);
    }
  }

  @Test
  @Order(2)
  void axe_onAPageWithKnownViolations_reportsThem() throws IOException {
    // proves the checker is live: without this, an axe that silently checks nothing would pass every page
    browser.open("/");
    browser.script("""
        const img = document.createElement('img'); img.src = '/img/favicon.svg'; document.querySelector('main').append(img);
        const input = document.createElement('input'); input.type = 'text'; document.querySelector('main').append(input);
        document.querySelector('h1').style.color = '#eeeeee';
        """);
    List<String> rules = new ArrayList<>();
    browser.axe("self-check").forEach(v -> rules.add(v.path("id").asText() + ":" + v.path("impact").asText()));
    assertThat(rules).contains("image-alt:critical", "label:critical", "color-contrast:serious");
  }

  @Test
  @Order(3)
  void digidCancel_atTheBrakeStartPage_isShownWhereTheLoginStarted() throws IOException {
    browser.open("/noodrem");
    browser.driver.findElement(By.id("inloggen-digid")).click();
    browser.await(By.id("cancel")).click();
    browser.waiting(30).until(ExpectedConditions.urlContains("digid=geannuleerd"));
    assertThat(browser.driver.getCurrentUrl()).startsWith(BASE + "/noodrem?verder=1");
    assertThat(browser.text("digid-melding")).isEqualTo(DigidMessages.CANCELLED);
    browser.check("03-noodrem-start-geannuleerd-nl");
  }

  @Test
  @Order(4)
  void digidError_showsLogiusTextVerbatimInThePortalLook() throws IOException {
    for (String lang : List.of("en", "nl")) {
      browser.open("/?lang=" + lang);
      browser.open("/digid/acs?SAMLart=bm90LWFuLWFydGlmYWN0&RelayState=onbekend");
      assertThat(browser.text("digid-error")).isEqualTo(DigidMessages.ERROR);
      assertThat(browser.text("digid-incident")).isNotBlank();
      browser.check("05-digid-fout-" + lang);
    }
  }

  // ------------------------------------------------------------------------------------------------ the story

  @Test
  @Order(10)
  void citizen_logsInAtTheMunicipality_andCollectsTheProofIntoTheWallet() throws IOException {
    browser.open("/gemeente");
    browser.driver.findElement(By.id("gemeente-" + DEN_HAAG)).click();
    browser.await(By.id("inloggen-digid")).click();
    logInAtSimulator(CITIZEN);
    browser.waiting(60).until(ExpectedConditions.urlToBe(BASE + "/gemeente/" + DEN_HAAG + "/schuldhulpbewijs"));
    inBothLanguages("12-gemeente-aanvragen", () -> assertThat(browser.driver.findElement(By.id("bewijs-aanvragen"))
        .isDisplayed()).isTrue());

    browser.driver.findElement(By.id("bewijs-aanvragen")).click();
    browser.waiting(60).until(ExpectedConditions.urlContains("/schuldhulpbewijs/aanvraag/IS-"));
    browser.waiting(90).until(ExpectedConditions.visibilityOfElementLocated(By.id("in-wallet-zetten")));
    assertThat(browser.text("aanvraag-tekst")).isEqualTo("Uw bewijs van schuldhulp staat klaar. Zet het nu in uw wallet.");
    inBothLanguages("13-gemeente-bewijs-klaar", () -> browser.await(By.id("in-wallet-zetten")));

    browser.driver.findElement(By.id("in-wallet-zetten")).click();
    WebElement stored = browser.await(By.id("aanvraag-opgeslagen"));
    assertThat(stored.getText()).contains("Gemeente Den Haag", "Minnelijke schuldregeling", "Geldig tot");
    browser.check("14-gemeente-bewijs-opgeslagen-nl");
  }

  @Test
  @Order(11)
  void wallet_listsTheProof_andMakesAndRestoresABackup() throws IOException {
    browser.open("/portaal/wallet");
    WebElement item = browser.await(By.cssSelector("#wallet-lijst .portal-credential"));
    assertThat(item.getText()).contains("Gemeente Den Haag", "Minnelijke schuldregeling", "Geldig");
    item.findElement(By.tagName("summary")).click();
    browser.waiting(30).until(d -> item.getText().contains(CITIZEN));
    inBothLanguages("30-wallet", () -> browser.await(By.cssSelector("#wallet-lijst .portal-credential")));

    browser.driver.findElement(By.id("export-wachtwoord")).sendKeys("te kort");
    browser.driver.findElement(By.id("export-knop")).click();
    browser.await(By.id("export-fouten"));
    assertThat(browser.script("return document.activeElement.id")).isEqualTo("export-fouten");
    assertThat(browser.text("export-wachtwoord-fout")).isEqualTo("Vul een wachtwoord in van minstens 12 tekens.");
    browser.check("31-wallet-reservekopie-fout-nl");

    browser.driver.findElement(By.id("export-wachtwoord")).clear();
    browser.driver.findElement(By.id("export-wachtwoord")).sendKeys("een lange zin als wachtwoord");
    browser.driver.findElement(By.id("export-herhaal")).sendKeys("een lange zin als wachtwoord");
    browser.driver.findElement(By.id("export-knop")).click();
    browser.waiting(60).until(d -> browser.text("wallet-melding").contains("gedownload"));
    Path backup = browser.waiting(30).until(d -> {
      try (Stream<Path> files = Files.list(browser.downloads)) {
        return files.filter(f -> f.getFileName().toString().matches("noodrem-wallet-.*\\.json")).findFirst().orElse(null);
      } catch (IOException e) {
        return null;
      }
    });
    assertThat(Files.readString(backup)).contains("noodrem-wallet-export/1").doesNotContain(CITIZEN);

    browser.driver.findElement(By.id("import-bestand")).sendKeys(backup.toString());
    browser.driver.findElement(By.id("import-wachtwoord")).sendKeys("een lange zin als wachtwoord");
    browser.driver.findElement(By.id("import-knop")).click();
    browser.waiting(60).until(d -> browser.text("wallet-melding").contains("Al in uw wallet: 1"));
  }

  @Test
  @Order(12)
  void citizen_pullsTheBrake_andSeesTheCasesHeldForFourMonths() throws IOException {
    browser.open("/portaal/noodrem");
    // the page reads the cases from the collection system; when it cannot, it says so and a reload tries again
    awaitOnReload(() -> browser.driver.findElements(By.cssSelector("#zaken-tabel tbody tr")).size() == 3);
    inBothLanguages("20-noodrem-trekken", () -> browser.await(By.id("noodrem-trekken")));

    browser.driver.findElement(By.id("noodrem-trekken")).click();
    browser.await(By.id("foutmeldingen"));
    assertThat(browser.script("return document.activeElement.id")).isEqualTo("foutmeldingen");
    assertThat(browser.driver.getTitle()).startsWith("Fout:");
    browser.check("21-noodrem-trekken-fout-nl");

    browser.driver.findElement(By.cssSelector("label[for=verklaring]")).click();
    browser.driver.findElement(By.id("noodrem-trekken")).click();
    assertThat(browser.await(By.id("kenmerk")).getText()).matches("NR-[0-9A-Z]{8}");
    LocalDate firstHoldEnd = today().plusMonths(4);
    WebElement heading = browser.waiting(90).until(ExpectedConditions.visibilityOfElementLocated(By.id("uitstel-kop")));
    assertThat(heading.getText()).isEqualTo("Het CJIB int uw boetes niet tot " + DUTCH_DATE.format(firstHoldEnd));
    // the hold notice arrives with CJIB's acknowledgement, the table's "held" flag with the collection system
    awaitOnReload(() -> browser.driver.findElements(By.cssSelector("#berichten-lijst [data-type=HOLD_PLACED]")).size() == 1
        && browser.driver.findElements(By.cssSelector("#zaken-tabel tbody tr")).stream()
            .allMatch(r -> r.getText().contains(DUTCH_DATE.format(firstHoldEnd))));
    assertThat(browser.text("deadline")).contains("Doe dit vóór " + DUTCH_DATE.format(firstHoldEnd) + ".");
    // notices: Dutch plural and the long date; "staat klaar" is no longer true once the proof was collected
    assertThat(browser.driver.findElement(By.cssSelector("#berichten-lijst [data-type=HOLD_PLACED]")).getText())
        .contains("Het CJIB int 3 zaken niet tot " + DUTCH_DATE.format(firstHoldEnd) + ":").doesNotContain("zaak/zaken");
    WebElement ready = browser.driver.findElement(By.cssSelector("#berichten-lijst [data-type=CREDENTIAL_READY]"));
    assertThat(ready.getText()).contains("U heeft uw bewijs van schuldhulp opgehaald.").doesNotContain("staat klaar");
    assertThat(ready.findElement(By.tagName("a")).getAttribute("href")).matches(".*/portaal/aanvraag/IS-[0-9A-Z]{8}");
    inBothLanguages("22-noodrem-uitstel-4-maanden", () -> browser.await(By.id("bewijs-tonen")));
    assertThat(CITIZEN_CASES).allSatisfy(c -> assertThat(collection.holdUntil(c)).isEqualTo(firstHoldEnd));
  }

  @Test
  @Order(13)
  void citizen_presentsTheProofMadeInTheBrowser_andSeesTheTwelveMonthHold() throws IOException {
    browser.open("/portaal/noodrem/bewijs");
    browser.waiting(60).until(ExpectedConditions.visibilityOfElementLocated(By.id("bewijs-toestemming")));
    // plain words first; what is there only to check the proof under "Details voor controle", each explained once
    assertThat(rowNames("gedeeld")).containsExactly("bsn", "assistanceType", "helpStartDate", "validUntil", "issuer");
    assertThat(rowNames("verborgen")).containsExactly("decisionDate", "debtAmountCents", "creditorCount", "counsellorId");
    assertThat(rowNames("controle"))
        .containsExactly("issuerOin", "statusListId", "statusIndex", "audience", "createdAt");
    assertThat(browser.text("gedeeld")).contains("BSN", CITIZEN, "Soort schuldhulp", "Minnelijke schuldregeling",
        "Gemeente Den Haag").doesNotContain("(MSNP)", "Statuslijst", "urn:");
    assertThat(browser.text("verborgen")).contains("Schuldbedrag", "Aantal schuldeisers", "Schuldhulpverlener")
        .doesNotContain(DEN_HAAG);
    assertThat(browser.driver.findElement(By.id("controle")).isDisplayed()).as("details closed at first").isFalse();
    browser.driver.findElement(By.cssSelector("#details-controle summary")).click();
    assertThat(browser.text("controle")).contains(DEN_HAAG, "Statuslijst", "Plaats op de statuslijst",
        "urn:nl:cjib:noodrem", "Het bewijs geldt maar kort");
    assertThat(browser.driver.findElements(By.cssSelector("#controle .portal-check__why"))).hasSize(5)
        .allSatisfy(why -> assertThat(why.getText()).isNotBlank());
    assertThat(browser.text("bewijs-toestemming").split(DEN_HAAG, -1)).as("the OIN is listed once").hasSize(2);
    inBothLanguages("23-bewijs-tonen", () -> {
      browser.waiting(60).until(ExpectedConditions.visibilityOfElementLocated(By.id("bewijs-toestemming")));
      browser.driver.findElement(By.cssSelector("#details-controle summary")).click();
    });

    browser.driver.findElement(By.id("bewijs-versturen")).click();
    browser.await(By.id("toestemming-fouten"));
    assertThat(browser.script("return document.activeElement.id")).isEqualTo("toestemming-fouten");
    browser.check("24-bewijs-toestemming-fout-nl");

    browser.driver.findElement(By.cssSelector("label[for=toestemming]")).click();
    browser.driver.findElement(By.id("bewijs-versturen")).click();
    browser.waiting(90).until(ExpectedConditions.visibilityOfElementLocated(By.id("bewijs-uitkomst")));
    // received and valid, but "approved" only once the longer pause is in place
    assertThat(browser.text("bewijs-uitkomst-kop")).as(browser.text("bewijs-uitkomst")).isEqualTo("Uw bewijs is ontvangen");
    LocalDate extendedEnd = today().plusMonths(12);
    browser.waiting(90).until(d -> browser.text("bewijs-uitkomst-verder")
        .equals("Uw uitstel is verlengd tot " + DUTCH_DATE.format(extendedEnd) + "."));
    assertThat(browser.text("bewijs-uitkomst-kop")).isEqualTo("Uw bewijs is goedgekeurd");
    browser.check("25-bewijs-goedgekeurd-nl");

    browser.open("/portaal/noodrem");
    awaitOnReload(() -> browser.driver.findElements(By.cssSelector("#berichten-lijst [data-type=HOLD_EXTENDED]")).size() == 1
        && browser.driver.findElements(By.cssSelector("#zaken-tabel tbody tr")).stream()
            .allMatch(r -> r.getText().contains(DUTCH_DATE.format(extendedEnd))));
    assertThat(browser.text("uitstel-kop")).isEqualTo("Uw uitstel is verlengd tot " + DUTCH_DATE.format(extendedEnd));
    assertThat(browser.text("noodrem-status")).contains("in totaal 12 maanden uitstel");
    inBothLanguages("26-noodrem-verlengd-12-maanden", () -> browser.await(By.id("uitstel-kop")));
    browser.open("/portaal/noodrem?lang=en");
    assertThat(browser.text("uitstel-kop")).isEqualTo("Your pause has been extended until " + ENGLISH_DATE.format(extendedEnd));
    browser.open("/portaal/noodrem?lang=nl");
    assertThat(CITIZEN_CASES).allSatisfy(c -> assertThat(collection.holdUntil(c)).isEqualTo(extendedEnd));
  }

  @Test
  @Order(14)
  void sessionWarning_twoMinutesBeforeTheIdleTimeout_letsTheCitizenStay() throws IOException {
    browser.open("/portaal/noodrem");
    assertThat(browser.script("return document.body.dataset.sessionIdle")).isEqualTo("900");
    // restart the page's session watch with a 122-second idle timeout: the warning is due after 2 seconds
    ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        import('/js/portal.js').then(m => { m.watchSession({idleSeconds: 122}); done(); });
        """);
    WebElement warning = browser.waiting(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("sessie-waarschuwing")));
    assertThat(warning.getText()).contains("Over 2 minuten wordt u uitgelogd");
    browser.check("50-sessie-waarschuwing-nl");
    browser.driver.findElement(By.id("sessie-verlengen")).click();
    browser.waiting(20).until(d -> browser.text("sessie-tekst").equals("U kunt verder. U blijft ingelogd."));
  }

  @Test
  @Order(15)
  void phoneWidth_mainPages_fitTheScreenAndPassAccessibilityChecks() throws IOException {
    browser.phone();
    try {
      for (String[] page : new String[][] {
          {"/", "41-telefoon-home-nl"}, {"/portaal/noodrem", "42-telefoon-noodrem-nl"},
          {"/portaal/noodrem/bewijs", "43-telefoon-bewijs-tonen-nl"}, {"/portaal/wallet", "44-telefoon-wallet-nl"},
          {"/gemeente/" + DEN_HAAG + "/schuldhulpbewijs", "45-telefoon-gemeente-aanvragen-nl"}}) {
        browser.open(page[0]);
        if (page[0].endsWith("/bewijs")) {
          browser.waiting(60).until(ExpectedConditions.visibilityOfElementLocated(By.id("bewijs-toestemming")));
        }
        if (page[0].endsWith("/wallet")) {
          browser.await(By.cssSelector("#wallet-lijst .portal-credential"));
        }
        Object overflow = browser.script("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow on %s", page[0]).isLessThanOrEqualTo(0);
        browser.check(page[1]);
      }
      // the cases table as stacked rows: amount and "Uitstel tot" of every case in sight, in both languages
      try {
        for (String lang : List.of("en", "nl")) {
          browser.open("/portaal/noodrem?lang=" + lang);
          List<WebElement> cells = browser.driver.findElements(
              By.cssSelector("#zaken-tabel tbody [data-kolom=bedrag], #zaken-tabel tbody [data-kolom=uitstel-tot]"));
          Number width = (Number) browser.script("return document.documentElement.clientWidth");
          assertThat(cells).hasSize(2 * CITIZEN_CASES.size()).allSatisfy(cell -> {
            assertThat(cell.isDisplayed()).isTrue();
            Object right = browser.script("return arguments[0].getBoundingClientRect().right", cell);
            assertThat(((Number) right).doubleValue()).as(cell.getText()).isLessThanOrEqualTo(width.doubleValue());
          });
          assertThat(browser.script("return getComputedStyle(document.querySelector('#zaken-tabel thead')).position"))
              .isEqualTo("absolute");
          browser.check("46-telefoon-zaken-" + lang);
        }
      } finally {
        browser.open("/portaal/noodrem?lang=nl");
      }
    } finally {
      browser.desktop();
    }
  }

  @Test
  @Order(16)
  void wallet_deletesAProofAfterConfirmation_andTheBackupBringsItBack() throws IOException {
    browser.open("/portaal/wallet");
    browser.await(By.cssSelector("#wallet-lijst .portal-delete")).click();
    browser.waiting(10).until(ExpectedConditions.alertIsPresent()).accept();
    browser.await(By.id("wallet-leeg"));
    assertThat(browser.text("wallet-melding")).isEqualTo("Het bewijs is verwijderd.");
    browser.check("32-wallet-leeg-nl");

    Path backup;
    try (Stream<Path> files = Files.list(browser.downloads)) {
      backup = files.filter(f -> f.getFileName().toString().endsWith(".json")).findFirst().orElseThrow();
    }
    browser.driver.findElement(By.id("import-bestand")).sendKeys(backup.toString());
    browser.driver.findElement(By.id("import-wachtwoord")).sendKeys("een lange zin als wachtwoord");
    browser.driver.findElement(By.id("import-knop")).click();
    browser.waiting(60).until(d -> browser.text("wallet-melding").equals("Teruggezet: 1 bewijs of bewijzen."));
    assertThat(browser.await(By.cssSelector("#wallet-lijst .portal-credential")).getText()).contains("Gemeente Den Haag");
  }

  @Test
  @Order(17)
  void logout_endsTheSession_andSaysSo() throws IOException {
    browser.open("/portaal/noodrem");
    browser.driver.findElement(By.id("uitloggen")).click();
    browser.waiting(30).until(ExpectedConditions.urlContains("digid=uitgelogd"));
    assertThat(browser.text("digid-melding")).isEqualTo(DigidMessages.LOGGED_OUT);
    assertThat(browser.driver.findElements(By.id("uitloggen"))).isEmpty();
    browser.check("04-uitgelogd-nl");
    browser.open("/portaal/noodrem");
    browser.waiting(30).until(ExpectedConditions.urlContains("/digid-simulator/login"));
  }

  @Test
  @Order(18)
  void citizenWithoutDebtHelpDecision_isToldWhyAndWhomToCall() throws IOException {
    browser.open("/gemeente/" + DEN_HAAG);
    browser.driver.findElement(By.id("inloggen-digid")).click();
    logInAtSimulator(CITIZEN_WITHOUT_HELP);
    browser.await(By.id("bewijs-aanvragen")).click();
    browser.waiting(90).until(ExpectedConditions.visibilityOfElementLocated(By.id("reden-NO_DEBT_HELP")));
    assertThat(browser.text("aanvraag-tekst"))
        .isEqualTo("Uw gemeente kent geen besluit over schuldhulp voor u. Neem contact op met uw gemeente.");
    assertThat(browser.text("contact")).contains("Gemeente Den Haag", "14 070", "demonstratie");
    inBothLanguages("15-gemeente-geen-schuldhulp", () -> browser.await(By.id("reden-NO_DEBT_HELP")));
    browser.driver.findElement(By.id("uitloggen")).click();
    browser.waiting(30).until(ExpectedConditions.urlContains("digid=uitgelogd"));
  }

  @Test
  @Order(19)
  void citizenWithAnUnclearDecision_waitsForTheCounsellor_andReadsTheRefusal() throws IOException {
    browser.open("/gemeente/" + DEN_HAAG);
    browser.driver.findElement(By.id("inloggen-digid")).click();
    logInAtSimulator(CITIZEN_WITH_UNCLEAR_DECISION);
    browser.await(By.id("bewijs-aanvragen")).click();
    browser.waiting(90).until(d -> browser.text("aanvraag-tekst")
        .equals("Een schuldhulpverlener van uw gemeente bekijkt uw aanvraag."));
    assertThat(browser.driver.findElement(By.id("aanvraag-bezig")).isDisplayed()).isTrue();
    inBothLanguages("16-gemeente-in-behandeling", () -> browser.await(By.id("aanvraag-bezig")));

    String issuanceRef = browser.text("aanvraag-kenmerk");
    String statusPage = browser.driver.getCurrentUrl().substring(BASE.length());
    browser.driver.findElement(By.id("uitloggen")).click();
    browser.waiting(30).until(ExpectedConditions.urlContains("digid=uitgelogd"));
    // a new login (a new session): the request is the citizen's, so its page is there again
    browser.open("/gemeente/" + DEN_HAAG);
    browser.driver.findElement(By.id("inloggen-digid")).click();
    logInAtSimulator(CITIZEN_WITH_UNCLEAR_DECISION);
    browser.open(statusPage);
    browser.waiting(60).until(d -> browser.text("aanvraag-tekst")
        .equals("Een schuldhulpverlener van uw gemeente bekijkt uw aanvraag."));
    assertThat(browser.text("aanvraag-kenmerk")).isEqualTo(issuanceRef);

    Task task = browser.waiting(60).until(d -> tasks.createTaskQuery().processInstanceBusinessKey(issuanceRef)
        .taskCandidateGroup("debt-counsellors-" + DEN_HAAG).singleResult());
    // the engine takes a decision only from the logged-in counsellor who claimed the task (as Tasklist logs them in)
    identity.setAuthentication("schuldhulp-denhaag",
        java.util.List.of("debt-counsellors-" + DEN_HAAG));
    try {
      tasks.claim(task.getId(), "schuldhulp-denhaag");
      tasks.complete(task.getId(), Map.of("counsellorDecision", "REFUSE"));
    } finally {
      identity.clearAuthentication();
    }
    awaitOnReload(() -> browser.driver.findElement(By.id("reden-REFUSED")).isDisplayed());
    assertThat(browser.text("contact")).contains("14 070");
    inBothLanguages("17-gemeente-geweigerd", () -> browser.await(By.id("reden-REFUSED")));
    browser.driver.findElement(By.id("uitloggen")).click();
    browser.waiting(30).until(ExpectedConditions.urlContains("digid=uitgelogd"));
  }

  // ------------------------------------------------------------------------------------------------ helpers

  private void logInAtSimulator(String bsn) {
    WebElement field = browser.await(By.id("bsn"));
    field.clear();
    field.sendKeys(bsn);
    new Select(browser.driver.findElement(By.id("level"))).selectByValue("SUBSTANTIEEL");
    browser.driver.findElement(By.id("login")).click();
    browser.waiting(60).until(d -> !d.getCurrentUrl().contains("/digid"));
  }

  /** Checks (and photographs) the current page in English, then in Dutch, leaving it in Dutch. */
  private void inBothLanguages(String name, Runnable ready) throws IOException {
    String path = browser.driver.getCurrentUrl().substring(BASE.length()).replaceAll("[?&]lang=[a-z]+", "");
    String separator = path.contains("?") ? "&" : "?";
    browser.open(path + separator + "lang=en");
    ready.run();
    assertThat(browser.script("return document.documentElement.lang")).isEqualTo("en");
    browser.check(name + "-en");
    browser.open(path + separator + "lang=nl");
    ready.run();
    browser.check(name + "-nl");
  }

  private void awaitOnReload(java.util.function.BooleanSupplier condition) {
    browser.waiting(90).pollingEvery(Duration.ofSeconds(1))
        .withMessage(() -> "page never reached the expected state: " + browser.text("inhoud")).until(d -> {
      if (condition.getAsBoolean()) {
        return true;
      }
      d.navigate().refresh();
      return false;
    });
  }

  private List<String> rowNames(String tableId) {
    return browser.driver.findElements(By.cssSelector("#" + tableId + " tbody tr")).stream()
        .map(r -> r.getAttribute("data-name")).toList();
  }

  private static LocalDate today() {
    return LocalDate.now(NL);
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("noodrem-portal-test");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
