package nl.noodrem.digid.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.util.Map;
import nl.noodrem.digid.DigidMessages;
import nl.noodrem.digid.support.LogCapture;
import nl.noodrem.digid.testapp.DigidTestApplication;
import nl.noodrem.digid.testapp.DigidTestPorts;
import nl.noodrem.digid.testapp.TestBrowser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole web flow over real HTTP: protected page, entry point, signed AuthnRequest to the simulator,
 * tester's choice, artifact to the ACS, SOAP resolution over mutual TLS, session, logout, cancel, errors.
 */
@SpringBootTest(classes = DigidTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("dev")
class DigidLoginFlowTest {

  private static final int PORT = DigidTestPorts.freePort();
  private static final String BASE = "http://localhost:" + PORT;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    DigidTestPorts.register(registry, PORT);
  }

  @RegisterExtension final LogCapture log = new LogCapture();

  @Autowired JdbcTemplate jdbc;

  private final TestBrowser browser = new TestBrowser();

  @Test
  void protectedPage_loginThroughSimulator_landsAuthenticatedWithBsnAndLevel() throws Exception {
    TestBrowser.Page simulatorPage = browser.get(BASE + "/brake");
    assertThat(simulatorPage.hops().get(1).toString()).isEqualTo(BASE + "/digid/login?returnTo=%2Fbrake&level=SUBSTANTIEEL");
    assertThat(simulatorPage.uri().getPath()).isEqualTo("/digid-simulator/login");
    assertThat(simulatorPage.uri().getQuery()).contains("SAMLRequest=").contains("SigAlg=").contains("Signature=");
    assertThat(TestBrowser.byId(simulatorPage.body(), "requested-level")).isEqualTo("SUBSTANTIEEL");

    TestBrowser.Page landed = choose(simulatorPage, "999990019", "SUBSTANTIEEL", "login");

    assertThat(landed.status()).isEqualTo(200);
    assertThat(landed.uri().toString()).isEqualTo(BASE + "/brake");
    assertThat(TestBrowser.byId(landed.body(), "bsn")).isEqualTo("999990019");
    assertThat(TestBrowser.byId(landed.body(), "level")).isEqualTo("SUBSTANTIEEL");
    assertThat(TestBrowser.byId(landed.body(), "idle")).as("idle timeout 15 min").isEqualTo("900");
    assertThat(log.all()).contains("DigiD login succeeded").doesNotContain("999990019");
  }

  @Test
  void acs_newSessionAfterLogin_sessionIdChanges() throws Exception {
    browser.get(BASE + "/public");
    TestBrowser.Page simulatorPage = browser.get(BASE + "/digid/login?returnTo=/public");
    String before = sessionId();
    choose(simulatorPage, "999993653", "SUBSTANTIEEL", "login");
    assertThat(sessionId()).isNotNull().isNotEqualTo(before);
  }

  @Test
  void cancelAtSimulator_fromPublicPage_showsCancelTextThere() throws Exception {
    TestBrowser.Page simulatorPage = browser.get(BASE + "/digid/login?returnTo=/public");
    TestBrowser.Page landed = choose(simulatorPage, "999993653", "SUBSTANTIEEL", "cancel");

    assertThat(landed.uri().toString()).isEqualTo(BASE + "/public?digid=geannuleerd");
    assertThat(TestBrowser.byId(landed.body(), "message")).isEqualTo(DigidMessages.CANCELLED);
  }

  @Test
  void cancelAtSimulator_startedOnProtectedPage_landsOnCancelPageInsteadOfLooping() throws Exception {
    TestBrowser.Page simulatorPage = browser.get(BASE + "/brake");
    TestBrowser.Page landed = choose(simulatorPage, "999993653", "SUBSTANTIEEL", "cancel");

    assertThat(landed.hops()).extracting(Object::toString).contains(BASE + "/brake?digid=geannuleerd");
    assertThat(landed.uri().toString()).isEqualTo(BASE + "/?digid=geannuleerd");
    assertThat(TestBrowser.byId(landed.body(), "message")).isEqualTo(DigidMessages.CANCELLED);
  }

  @Test
  void acs_forgedArtifact_showsLogiusTextAndEndsTheSession() throws Exception {
    choose(browser.get(BASE + "/brake"), "999993653", "HOOG", "login");
    assertThat(browser.get(BASE + "/brake").status()).isEqualTo(200);

    TestBrowser.Page error = browser.get(BASE + "/digid/acs?SAMLart=AAQAAA&RelayState=aaaaaaaaaaaaaaaaaaaaaa");

    assertThat(error.status()).isEqualTo(400);
    assertThat(TestBrowser.byId(error.body(), "digid-error")).isEqualTo(htmlEscaped(DigidMessages.ERROR));
    assertThat(log.all()).contains("reason=RELAY_STATE_UNKNOWN").contains(TestBrowser.byId(error.body(), "digid-incident"));
    assertThat(browser.get(BASE + "/brake").uri().getPath()).as("local session ended").isEqualTo("/digid-simulator/login");
  }

  @Test
  void stepUp_basisSessionOnSubstantieelPage_asksDigidAgainAtSubstantieel() throws Exception {
    choose(browser.get(BASE + "/digid/login?returnTo=/account&level=BASIS"), "999993653", "BASIS", "login");
    assertThat(browser.get(BASE + "/account").status()).isEqualTo(200);

    TestBrowser.Page stepUp = browser.get(BASE + "/brake");

    assertThat(stepUp.hops().get(1).toString()).isEqualTo(BASE + "/digid/login?returnTo=%2Fbrake&level=SUBSTANTIEEL");
    assertThat(TestBrowser.byId(stepUp.body(), "requested-level")).isEqualTo("SUBSTANTIEEL");
  }

  @Test
  void login_requestedLevelBelowTheRoutesMinimum_asksTheRoutesMinimum() throws Exception {
    TestBrowser.Page simulatorPage = browser.get(BASE + "/digid/login?returnTo=%2Fbrake%3Fx%3D1&level=BASIS");
    assertThat(TestBrowser.byId(simulatorPage.body(), "requested-level")).isEqualTo("SUBSTANTIEEL");

    TestBrowser.Page landed = choose(simulatorPage, "999993653", "MIDDEN", "login");
    assertThat(landed.status()).as("an answer below the route's minimum is refused").isEqualTo(400);
    assertThat(log.all()).contains("reason=LEVEL_TOO_LOW");
  }

  @Test
  void login_requestedLevelAboveTheRoutesMinimum_isKept() throws Exception {
    TestBrowser.Page simulatorPage = browser.get(BASE + "/digid/login?returnTo=/brake&level=HOOG");
    assertThat(TestBrowser.byId(simulatorPage.body(), "requested-level")).isEqualTo("HOOG");
  }

  @Test
  void login_requestedLevelOnARouteWithoutMinimum_isKept() throws Exception {
    TestBrowser.Page simulatorPage = browser.get(BASE + "/digid/login?returnTo=/account&level=BASIS");
    assertThat(TestBrowser.byId(simulatorPage.body(), "requested-level")).isEqualTo("BASIS");
  }

  @Test
  void authnRequest_byDefault_carriesForceAuthn() throws Exception {
    TestBrowser.Page simulatorPage = browser.get(BASE + "/brake");

    byte[] xml = nl.noodrem.digid.saml.RedirectBinding.decode(simulatorPage.uri().getRawQuery(), "SAMLRequest").messageXml();
    assertThat(new String(xml, java.nio.charset.StandardCharsets.UTF_8)).contains("ForceAuthn=\"true\"");
    assertThat(TestBrowser.byId(simulatorPage.body(), "force-authn")).isEqualTo("true");
  }

  @Test
  void login_returnToAnotherHost_fallsBackToLocalRoot() throws Exception {
    TestBrowser.Page simulatorPage = browser.get(BASE + "/digid/login?returnTo=//evil.example/steal");
    TestBrowser.Page landed = choose(simulatorPage, "999993653", "SUBSTANTIEEL", "login");
    assertThat(landed.uri().toString()).isEqualTo(BASE + "/");
  }

  @Test
  void logout_endsSessionAndRedirectsWithFlag() throws Exception {
    TestBrowser.Page brakePage = choose(browser.get(BASE + "/brake"), "999993653", "SUBSTANTIEEL", "login");
    assertThat(brakePage.status()).isEqualTo(200);
    String csrf = csrfTokenFromSimulatorPage();

    TestBrowser.Page idpLogout = browser.post(BASE + "/digid/logout", Map.of("_csrf", csrf));
    java.util.regex.Matcher refresh =
        java.util.regex.Pattern.compile("content=\"0;url=([^\"]+)\"").matcher(idpLogout.body());
    assertThat(refresh.find()).as("on to DigiD's single logout").isTrue();
    TestBrowser.Page after = browser.get(refresh.group(1).replace("&amp;", "&"));

    assertThat(after.uri().toString()).isEqualTo(BASE + "/?digid=uitgelogd");
    assertThat(browser.get(BASE + "/brake").uri().getPath()).isEqualTo("/digid-simulator/login");
  }

  @Test
  void logout_withoutCsrfToken_isRefused() throws Exception {
    choose(browser.get(BASE + "/brake"), "999993653", "SUBSTANTIEEL", "login");
    assertThat(browser.post(BASE + "/digid/logout", Map.of()).status()).isEqualTo(403);
    assertThat(browser.get(BASE + "/brake").status()).isEqualTo(200);
  }

  @Test
  void metadata_isServedSignedAtFixedUrl() throws Exception {
    TestBrowser.Page metadata = browser.get(BASE + "/digid/metadata");
    assertThat(metadata.status()).isEqualTo(200);
    assertThat(metadata.body()).contains("entityID=\"" + BASE + "/digid/metadata\"")
        .contains("Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact\"")
        .contains("Location=\"" + BASE + "/digid/acs\"")
        .contains("SignatureValue");
    assertThat(browser.get(BASE + "/digid/metadata").body()).as("stable").isEqualTo(metadata.body());
  }

  @Test
  void stores_afterLogin_requestConsumedAndArtifactAndAssertionRemembered() throws Exception {
    choose(browser.get(BASE + "/digid/login?returnTo=/public"), "999993653", "SUBSTANTIEEL", "login");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM digid_replay_cache WHERE kind = 'artifact'", Integer.class)).isPositive();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM digid_replay_cache WHERE kind = 'assertion'", Integer.class)).isPositive();
    assertThat(jdbc.queryForList("SELECT value_hash FROM digid_replay_cache", String.class)).allMatch(h -> h.matches("[0-9a-f]{64}"));
  }

  private String csrfTokenFromSimulatorPage() throws Exception {
    // any page rendering the token will do; the simulator's login page renders it for its own form
    TestBrowser other = browser;
    TestBrowser.Page page = other.get(BASE + "/digid/login?returnTo=/public");
    return TestBrowser.input(page.body(), "_csrf");
  }

  private TestBrowser.Page choose(TestBrowser.Page simulatorPage, String bsn, String level, String action) throws Exception {
    String body = simulatorPage.body();
    return browser.post(
        BASE + "/digid-simulator/login/complete",
        Map.of("login", TestBrowser.input(body, "login"), "_csrf", TestBrowser.input(body, "_csrf"), "bsn", bsn, "level", level, "action", action));
  }

  private String sessionId() {
    return browser.cookies().getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("JSESSIONID")).map(HttpCookie::getValue).findFirst().orElse(null);
  }

  private static String htmlEscaped(String text) {
    return nl.noodrem.digid.Html.escape(text);
  }
}
