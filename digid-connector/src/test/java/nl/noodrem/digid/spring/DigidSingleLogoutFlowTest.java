package nl.noodrem.digid.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.noodrem.digid.DigidMessages;
import nl.noodrem.digid.saml.LogoutMessages;
import nl.noodrem.digid.saml.OpenSaml;
import nl.noodrem.digid.saml.RedirectBinding;
import nl.noodrem.digid.saml.SamlSigner;
import nl.noodrem.digid.saml.SecureXml;
import nl.noodrem.digid.saml.Soap11;
import nl.noodrem.digid.simulator.DigidSimulator;
import nl.noodrem.digid.simulator.DigidSimulatorIdp;
import nl.noodrem.digid.support.LogCapture;
import nl.noodrem.digid.testapp.DigidTestApplication;
import nl.noodrem.digid.testapp.DigidTestPorts;
import nl.noodrem.digid.testapp.TestBrowser;
import nl.noodrem.digid.tls.KeyMaterial.KeyEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.StatusCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * SAML single logout over real HTTP with the simulator: SP-initiated (signed LogoutRequest over
 * HTTP-Redirect, LogoutResponse back to {@code /digid/slo}), IdP-initiated (signed SOAP LogoutRequest on
 * the back channel), and the refusals. "Ended" always means: the old session cookie no longer opens a
 * protected page.
 */
@SpringBootTest(classes = DigidTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("dev")
class DigidSingleLogoutFlowTest {

  private static final int PORT = DigidTestPorts.freePort();
  private static final String BASE = "http://localhost:" + PORT;
  private static final String BSN = "999991772";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    DigidTestPorts.register(registry, PORT);
  }

  @RegisterExtension final LogCapture log = new LogCapture();

  @Autowired DigidSimulator simulator;

  private final TestBrowser browser = new TestBrowser();
  private final HttpClient plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void metadata_namesRedirectAndSoapSingleLogoutServices() throws Exception {
    String metadata = browser.get(BASE + "/digid/metadata").body();
    assertThat(metadata)
        .contains("SingleLogoutService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\"" + BASE + "/digid/slo\"")
        .contains("SingleLogoutService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:SOAP\" Location=\"" + BASE + "/digid/slo/soap\"");
  }

  @Test
  void logout_spInitiated_sendsSignedLogoutRequestToIdpAndEndsBothSessions() throws Exception {
    String sessionIndex = login();
    String oldCookie = sessionCookie();
    String csrf = csrfToken();

    TestBrowser.Page interstitial = browser.post(BASE + "/digid/logout", Map.of("_csrf", csrf));

    // a page that refreshes to the IdP at once (a redirect would meet the portal's form-action 'self')
    assertThat(interstitial.status()).isEqualTo(200);
    Matcher refresh = Pattern.compile("http-equiv=\"refresh\" content=\"0;url=([^\"]+)\"").matcher(interstitial.body());
    assertThat(refresh.find()).isTrue();
    URI toIdp = URI.create(refresh.group(1).replace("&amp;", "&"));
    assertThat(toIdp.getPath()).as("to the IdP's SingleLogoutService").isEqualTo("/digid-simulator/logout");
    assertThat(toIdp.getQuery()).contains("SAMLRequest=").contains("SigAlg=").contains("Signature=");
    LogoutRequest sent = LogoutMessages.read(
        RedirectBinding.decode(toIdp.getRawQuery(), "SAMLRequest").messageXml(), "LogoutRequest", LogoutRequest.class);
    assertThat(sent.getNameID().getValue()).isEqualTo("s00000000:" + BSN);
    assertThat(LogoutMessages.sessionIndexes(sent)).containsExactly(sessionIndex);
    assertThat(statusWithCookie(oldCookie)).as("the local session ended before DigiD answers").isEqualTo(302);

    TestBrowser.Page after = browser.get(toIdp.toString());

    assertThat(after.hops().get(1).getPath()).as("the LogoutResponse comes back").isEqualTo("/digid/slo");
    assertThat(after.uri().toString()).isEqualTo(BASE + "/?digid=uitgelogd");
    assertThat(TestBrowser.byId(after.body(), "message")).isEqualTo(DigidMessages.LOGGED_OUT);
    assertThat(simulator.idp().sessions()).extracting(DigidSimulatorIdp.IdpSession::sessionIndex).doesNotContain(sessionIndex);
    assertThat(statusWithCookie(oldCookie)).as("the old session cookie opens nothing").isEqualTo(302);
    assertThat(log.all()).contains("DigiD single logout completed").doesNotContain(BSN);
  }

  @Test
  void logout_idpInitiatedBackChannel_oldSessionCookieNoLongerWorks() throws Exception {
    String sessionIndex = login();
    String oldCookie = sessionCookie();
    assertThat(statusWithCookie(oldCookie)).isEqualTo(200);

    DigidSimulatorIdp.BackChannelOutcome outcome = simulator.idp().backChannelLogout(sessionIndex);

    assertThat(outcome.httpStatus()).isEqualTo(200);
    assertThat(outcome.statusCode()).isEqualTo(StatusCode.SUCCESS);
    assertThat(statusWithCookie(oldCookie)).isEqualTo(302);
    assertThat(browser.get(BASE + "/brake").uri().getPath()).as("asked to log in again").isEqualTo("/digid-simulator/login");
    assertThat(log.all()).contains("DigiD back-channel logout").doesNotContain(BSN);
  }

  @Test
  void logout_idpInitiatedThroughSimulatorPage_endsTheSession() throws Exception {
    String sessionIndex = login();
    TestBrowser.Page sessions = browser.get(BASE + DigidSimulator.SESSIONS_PATH);
    assertThat(sessions.body()).contains(sessionIndex).doesNotContain(BSN);

    TestBrowser.Page outcome =
        browser.post(BASE + DigidSimulator.SESSIONS_PATH + "/uitloggen", Map.of("session", sessionIndex, "_csrf", TestBrowser.input(sessions.body(), "_csrf")));

    assertThat(TestBrowser.byId(outcome.body(), "outcome")).contains("HTTP 200").contains(StatusCode.SUCCESS);
    assertThat(browser.get(BASE + "/brake").uri().getPath()).isEqualTo("/digid-simulator/login");
  }

  @Test
  void backChannel_logoutRequestWithoutSessionIndex_endsEverySessionOfTheCitizenSinceThen() throws Exception {
    login();
    String oldCookie = sessionCookie();

    HttpResponse<String> answer = postSoap(logoutRequest(simulator.keys().idpSigning(), "s00000000:" + BSN, null, OpenSaml.newId()));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("LogoutResponse").contains(StatusCode.SUCCESS);
    assertThat(statusWithCookie(oldCookie)).isEqualTo(302);
    TestBrowser.Page again = choose(browser.get(BASE + "/brake"), BSN);
    assertThat(again.status()).as("a login after the logout is a new session").isEqualTo(200);
  }

  @Test
  void backChannel_signedWithAnotherKey_isRefusedAndTheSessionStays() throws Exception {
    String sessionIndex = login();
    String oldCookie = sessionCookie();

    HttpResponse<String> answer = postSoap(logoutRequest(simulator.keys().spSigning(), "s00000000:" + BSN, sessionIndex, OpenSaml.newId()));

    assertThat(answer.statusCode()).isEqualTo(500);
    assertThat(answer.body()).contains("Fault").doesNotContain(BSN);
    assertThat(log.all()).contains("DigiD logout rejected: reason=KEYINFO_NOT_FROM_METADATA");
    assertThat(statusWithCookie(oldCookie)).isEqualTo(200);
  }

  @Test
  void backChannel_unsignedRequest_isRefused() throws Exception {
    String sessionIndex = login();
    LogoutRequest request = LogoutMessages.request(OpenSaml.newId(), simulator.idp().entityId(), BASE + "/digid/slo/soap",
        "s00000000:" + BSN, sessionIndex, Instant.now(), Instant.now().plusSeconds(60));

    HttpResponse<String> answer = postSoap(Soap11.wrap(OpenSaml.marshall(request)));

    assertThat(answer.statusCode()).isEqualTo(500);
    assertThat(log.all()).contains("reason=LOGOUT_MESSAGE_UNSIGNED");
    assertThat(statusWithCookie(sessionCookie())).isEqualTo(200);
  }

  @Test
  void backChannel_replayedRequest_isRefusedTheSecondTime() throws Exception {
    String sessionIndex = login();
    byte[] request = logoutRequest(simulator.keys().idpSigning(), "s00000000:" + BSN, sessionIndex, OpenSaml.newId());
    assertThat(postSoap(request).statusCode()).isEqualTo(200);

    assertThat(postSoap(request).statusCode()).isEqualTo(500);
    assertThat(log.all()).contains("reason=LOGOUT_REQUEST_REPLAYED");
  }

  @Test
  void backChannel_anotherSector_isRefused() throws Exception {
    String sessionIndex = login();
    assertThat(postSoap(logoutRequest(simulator.keys().idpSigning(), "s00000001:" + BSN, sessionIndex, OpenSaml.newId())).statusCode())
        .isEqualTo(500);
    assertThat(log.all()).contains("reason=SECTOR_NOT_ALLOWED");
  }

  @Test
  void slo_unsolicitedLogoutResponse_isRefusedWithLogiusText() throws Exception {
    LogoutResponse response = LogoutMessages.response(OpenSaml.newId(), simulator.idp().entityId(), BASE + "/digid/slo",
        OpenSaml.newId(), StatusCode.SUCCESS, Instant.now());
    String url = RedirectBinding.encode(BASE + "/digid/slo", "SAMLResponse", SecureXml.toBytes(OpenSaml.marshall(response)), null,
        simulator.keys().idpSigning().privateKey());

    TestBrowser.Page page = browser.get(url);

    assertThat(page.status()).isEqualTo(400);
    assertThat(TestBrowser.byId(page.body(), "digid-error")).isEqualTo(nl.noodrem.digid.Html.escape(DigidMessages.ERROR));
    assertThat(log.all()).contains("DigiD logout rejected: reason=LOGOUT_RESPONSE_UNKNOWN");
  }

  @Test
  void slo_logoutResponseSignedByAnotherKey_isRefused() throws Exception {
    LogoutResponse response = LogoutMessages.response(OpenSaml.newId(), simulator.idp().entityId(), BASE + "/digid/slo",
        OpenSaml.newId(), StatusCode.SUCCESS, Instant.now());
    String url = RedirectBinding.encode(BASE + "/digid/slo", "SAMLResponse", SecureXml.toBytes(OpenSaml.marshall(response)), null,
        simulator.keys().spSigning().privateKey());

    assertThat(browser.get(url).status()).isEqualTo(400);
    assertThat(log.all()).contains("reason=SIGNATURE_INVALID");
  }

  @Test
  void slo_aVisitWhileLoggedIn_doesNotEndTheSession() throws Exception {
    login();
    browser.get(BASE + "/digid/slo?SAMLResponse=x");
    assertThat(browser.get(BASE + "/brake").status()).as("no logout by a crafted link").isEqualTo(200);
  }

  // ------------------------------------------------------------------ helpers

  /** Logs in at Substantieel and returns the simulator's SessionIndex of the new session. */
  private String login() throws Exception {
    List<String> before = simulator.idp().sessions().stream().map(DigidSimulatorIdp.IdpSession::sessionIndex).toList();
    TestBrowser.Page landed = choose(browser.get(BASE + "/brake"), BSN);
    assertThat(landed.status()).isEqualTo(200);
    return simulator.idp().sessions().stream().map(DigidSimulatorIdp.IdpSession::sessionIndex)
        .filter(s -> !before.contains(s)).findFirst().orElseThrow();
  }

  private TestBrowser.Page choose(TestBrowser.Page simulatorPage, String bsn) throws Exception {
    String body = simulatorPage.body();
    return browser.post(BASE + "/digid-simulator/login/complete", Map.of("login", TestBrowser.input(body, "login"),
        "_csrf", TestBrowser.input(body, "_csrf"), "bsn", bsn, "level", "SUBSTANTIEEL", "action", "login"));
  }

  private String csrfToken() throws Exception {
    return TestBrowser.input(browser.get(BASE + DigidSimulator.SESSIONS_PATH).body(), "_csrf");
  }

  private String sessionCookie() {
    return browser.cookies().getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("JSESSIONID")).map(HttpCookie::getValue).findFirst().orElseThrow();
  }

  /** GET /brake with only this session cookie, in a client of its own: 200 opened, 302 sent to log in. */
  private int statusWithCookie(String sessionId) throws Exception {
    return plain.send(HttpRequest.newBuilder(URI.create(BASE + "/brake")).header("Cookie", "JSESSIONID=" + sessionId).GET().build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private byte[] logoutRequest(KeyEntry signer, String nameId, String sessionIndex, String id) {
    LogoutRequest request = LogoutMessages.request(id, simulator.idp().entityId(), BASE + "/digid/slo/soap", nameId, sessionIndex,
        Instant.now(), Instant.now().plusSeconds(60));
    return Soap11.wrap(SamlSigner.sign(request, signer.credential()));
  }

  private HttpResponse<String> postSoap(byte[] envelope) throws Exception {
    return plain.send(HttpRequest.newBuilder(URI.create(BASE + "/digid/slo/soap")).header("Content-Type", "text/xml; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofByteArray(envelope)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
