package nl.noodrem.digid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import nl.noodrem.digid.saml.OpenSaml;
import nl.noodrem.digid.saml.RedirectBinding;
import nl.noodrem.digid.saml.SamlSigner;
import nl.noodrem.digid.saml.SecureXml;
import nl.noodrem.digid.simulator.DigidSimulatorIdp;
import nl.noodrem.digid.support.DigidTestFixture;
import nl.noodrem.digid.support.LogCapture;
import nl.noodrem.digid.support.ResponseCrafter;
import nl.noodrem.domain.Bsn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opensaml.saml.saml2.core.AuthnContextComparisonTypeEnumeration;
import org.opensaml.saml.saml2.core.AuthnRequest;

/** The service provider's own flow (no attack): request shape, round trip with the simulator, cancel, state. */
class DigidServiceProviderTest {

  @RegisterExtension final LogCapture log = new LogCapture();

  private DigidTestFixture fixture;

  @AfterEach
  void close() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void startLogin_redirectBinding_sendsSignedAuthnRequestAsDigidExpects() throws Exception {
    fixture = DigidTestFixture.crafted();
    DigidTestFixture.Started started = fixture.startLogin(DigidLevel.SUBSTANTIEEL);

    String query = started.redirectUrl().substring(started.redirectUrl().indexOf('?') + 1);
    RedirectBinding.Decoded decoded = RedirectBinding.decode(query, "SAMLRequest");
    assertThat(decoded.sigAlg()).isEqualTo(SamlSigner.RSA_SHA256);
    assertThat(SamlSigner.verifyRaw(decoded.signedOctets(), decoded.signature(), decoded.sigAlg(), fixture.keys.spSigning().certificate().getPublicKey()))
        .isTrue();
    AuthnRequest request = (AuthnRequest) OpenSaml.unmarshall(SecureXml.parse(decoded.messageXml()).getDocumentElement());
    assertThat(request.getDestination()).isEqualTo(DigidTestFixture.BASE_URL + "/digid-simulator/login");
    assertThat(request.getIssuer().getValue()).isEqualTo(DigidTestFixture.SP_ENTITY_ID);
    assertThat(request.getAssertionConsumerServiceURL()).isEqualTo(DigidTestFixture.ACS_URL);
    assertThat(request.getProtocolBinding()).isEqualTo("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact");
    assertThat(request.getNameIDPolicy()).isNull();
    assertThat(request.getRequestedAuthnContext().getComparison()).isEqualTo(AuthnContextComparisonTypeEnumeration.MINIMUM);
    assertThat(request.getRequestedAuthnContext().getAuthnContextClassRefs().get(0).getAuthnContextClassRef())
        .isEqualTo(DigidLevel.SUBSTANTIEEL.authnContextClassRef());
    assertThat(request.getSignature()).as("Redirect binding signs the query string, not the XML").isNull();
    assertThat(decoded.relayState()).hasSizeLessThanOrEqualTo(80);
  }

  @Test
  void startLogin_postBinding_sendsEnvelopedSignatureInAutoSubmitForm() throws Exception {
    fixture = DigidTestFixture.crafted(c -> new ServiceProviderConfig(
        c.entityId(), c.acsUrl(), c.signingKey(), c.tlsClientKey(), c.tlsTrustStore(), AuthnRequestBinding.POST, 0, 2, true,
        c.clockSkew(), c.requestLifetime(), c.messageMaxAge(), c.maxAssertionLifetime(), c.maxSessionDuration(),
        c.artifactResolutionContentType(), c.connectTimeout(), c.readTimeout(), c.maxResponseBytes()));
    DigidServiceProvider.LoginStart start = fixture.serviceProvider.startLogin("/brake", DigidLevel.HOOG, null);

    assertThat(start).isInstanceOf(DigidServiceProvider.PostForm.class);
    var page = ((DigidServiceProvider.PostForm) start).page();
    assertThat(page.html()).contains("action=\"https://sp.noodrem.test/digid-simulator/login\"").contains("name=\"RelayState\"");
    assertThat(page.contentSecurityPolicy()).contains("script-src 'nonce-").contains("form-action https://sp.noodrem.test");
    String base64 = page.html().replaceAll("(?s).*name=\"SAMLRequest\" value=\"([^\"]+)\".*", "$1");
    AuthnRequest request = (AuthnRequest) OpenSaml.unmarshall(SecureXml.parse(java.util.Base64.getDecoder().decode(base64)).getDocumentElement());
    assertThat(request.getSignature()).isNotNull();
    assertThat(request.getAssertionConsumerServiceIndex()).isZero();
    assertThat(request.getAssertionConsumerServiceURL()).as("by index, no URL").isNull();
    assertThat(request.getProtocolBinding()).isNull();
    assertThat(request.getAttributeConsumingServiceIndex()).isEqualTo(2);
    assertThat(request.isForceAuthn()).isTrue();
    nl.noodrem.digid.saml.SignatureChecks.verify(
        request, java.util.List.of(fixture.keys.spSigning().credential()), "AuthnRequest", RejectionReason.SIGNATURE_INVALID);
  }

  @Test
  void completeLogin_throughSimulatorOverMutualTls_authenticatesWithBsnAndLevel() throws Exception {
    fixture = DigidTestFixture.withSimulator();
    DigidTestFixture.Started started = fixture.startLogin(DigidLevel.SUBSTANTIEEL);
    DigidSimulatorIdp idp = fixture.simulator.idp();
    DigidSimulatorIdp.PendingLogin pending = idp.receiveRedirect(started.redirectUrl().substring(started.redirectUrl().indexOf('?') + 1));
    assertThat(pending.requestedLevel()).isEqualTo(DigidLevel.SUBSTANTIEEL);
    String acs = idp.authenticate(pending.key(), "999991772", DigidLevel.HOOG);

    LoginOutcome outcome = completeFromAcsUrl(acs, started.bindingToken());

    assertThat(outcome).isInstanceOf(LoginOutcome.Authenticated.class);
    AuthenticatedCitizen citizen = ((LoginOutcome.Authenticated) outcome).citizen();
    assertThat(citizen.bsn()).isEqualTo(Bsn.of("999991772"));
    assertThat(citizen.level()).isEqualTo(DigidLevel.HOOG);
    assertThat(citizen.sessionExpiry()).isBetween(Instant.now().plus(Duration.ofMinutes(119)), Instant.now().plus(Duration.ofHours(2)));
    assertThat(outcome.returnTo()).isEqualTo("/brake?step=1");
    assertThat(log.all()).contains("DigiD login succeeded").doesNotContain("999991772");
  }

  @Test
  void completeLogin_sameArtifactTwiceThroughSimulator_secondIsRefusedAsReplay() throws Exception {
    fixture = DigidTestFixture.withSimulator();
    DigidTestFixture.Started first = fixture.startLogin(DigidLevel.BASIS);
    DigidSimulatorIdp idp = fixture.simulator.idp();
    String acs = idp.authenticate(idp.receiveRedirect(first.redirectUrl().substring(first.redirectUrl().indexOf('?') + 1)).key(), DigidTestFixture.VALID_BSN, DigidLevel.BASIS);
    completeFromAcsUrl(acs, first.bindingToken());

    DigidTestFixture.Started second = fixture.startLogin(DigidLevel.BASIS, first.bindingToken());
    String replayed = param(acs, "SAMLart");
    assertThatThrownBy(() -> fixture.serviceProvider.completeLogin(replayed, second.relayState(), second.bindingToken()))
        .isInstanceOfSatisfying(DigidLoginException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.ARTIFACT_REPLAYED));
  }

  @Test
  void completeLogin_citizenCancelsAtSimulator_isCancelledWithReturnPath() throws Exception {
    fixture = DigidTestFixture.withSimulator();
    DigidTestFixture.Started started = fixture.startLogin(DigidLevel.SUBSTANTIEEL);
    DigidSimulatorIdp idp = fixture.simulator.idp();
    String acs = idp.cancel(idp.receiveRedirect(started.redirectUrl().substring(started.redirectUrl().indexOf('?') + 1)).key());

    LoginOutcome outcome = completeFromAcsUrl(acs, started.bindingToken());

    assertThat(outcome).isEqualTo(new LoginOutcome.Cancelled("/brake?step=1"));
    assertThat(log.all()).contains("cancelled");
  }

  @Test
  void completeLogin_levelBelowRequested_isRefused() throws Exception {
    fixture = DigidTestFixture.withSimulator();
    DigidTestFixture.Started started = fixture.startLogin(DigidLevel.SUBSTANTIEEL);
    DigidSimulatorIdp idp = fixture.simulator.idp();
    String acs = idp.authenticate(idp.receiveRedirect(started.redirectUrl().substring(started.redirectUrl().indexOf('?') + 1)).key(), DigidTestFixture.VALID_BSN, DigidLevel.MIDDEN);

    assertThatThrownBy(() -> completeFromAcsUrl(acs, started.bindingToken()))
        .isInstanceOfSatisfying(DigidLoginException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.LEVEL_TOO_LOW));
    assertThat(log.all()).contains("reason=LEVEL_TOO_LOW");
  }

  @Test
  void completeLogin_otherBrowser_isRefusedAsLoginCsrf() throws Exception {
    fixture = DigidTestFixture.crafted();
    DigidTestFixture.Started started = fixture.startLogin(DigidLevel.SUBSTANTIEEL);

    assertThatThrownBy(
            () -> fixture.serviceProvider.completeLogin(
                nl.noodrem.digid.saml.Saml2Artifact.create(DigidTestFixture.IDP_ENTITY_ID, 0).encoded(), started.relayState(), "attackers-own-binding-token-xyz"))
        .isInstanceOfSatisfying(DigidLoginException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.BROWSER_BINDING_MISMATCH));
  }

  @Test
  void completeLogin_relayStateUsedTwice_secondIsUnknown() throws Exception {
    fixture = DigidTestFixture.crafted();
    DigidTestFixture.Started started = fixture.startLogin(DigidLevel.SUBSTANTIEEL);
    ResponseCrafter crafter = new ResponseCrafter();
    fixture.complete(started, id -> crafter.valid(id, crafter.spec(started.requestId())));

    assertThatThrownBy(() -> fixture.complete(started, id -> crafter.valid(id, crafter.spec(started.requestId()))))
        .isInstanceOfSatisfying(DigidLoginException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.RELAY_STATE_UNKNOWN));
  }

  @Test
  void completeLogin_artifactOfAnotherIssuer_isRefused() throws Exception {
    fixture = DigidTestFixture.crafted();
    DigidTestFixture.Started started = fixture.startLogin(DigidLevel.SUBSTANTIEEL);

    assertThatThrownBy(
            () -> fixture.complete(started, nl.noodrem.digid.saml.Saml2Artifact.create("https://evil.example/idp", 0).encoded(), id -> new byte[0]))
        .isInstanceOfSatisfying(DigidLoginException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.ARTIFACT_SOURCE_UNKNOWN));
  }

  @Test
  void completeLogin_artifactEndpointIndexNotInMetadata_isRefused() throws Exception {
    fixture = DigidTestFixture.crafted();
    DigidTestFixture.Started started = fixture.startLogin(DigidLevel.SUBSTANTIEEL);

    assertThatThrownBy(
            () -> fixture.complete(started, nl.noodrem.digid.saml.Saml2Artifact.create(DigidTestFixture.IDP_ENTITY_ID, 7).encoded(), id -> new byte[0]))
        .isInstanceOfSatisfying(DigidLoginException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.ARTIFACT_ENDPOINT_UNKNOWN));
  }

  @Test
  void completeLogin_malformedArtifact_isRefused() throws Exception {
    fixture = DigidTestFixture.crafted();
    DigidTestFixture.Started started = fixture.startLogin(DigidLevel.SUBSTANTIEEL);

    assertThatThrownBy(() -> fixture.complete(started, "bm90IGFuIGFydGlmYWN0", id -> new byte[0]))
        .isInstanceOfSatisfying(DigidLoginException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.ARTIFACT_MALFORMED));
  }

  private LoginOutcome completeFromAcsUrl(String acsUrl, String bindingToken) throws DigidLoginException {
    assertThat(acsUrl).startsWith(DigidTestFixture.ACS_URL + "?SAMLart=");
    return fixture.serviceProvider.completeLogin(param(acsUrl, "SAMLart"), param(acsUrl, "RelayState"), bindingToken);
  }

  private static String param(String url, String name) {
    for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
      if (pair.startsWith(name + "=")) {
        return java.net.URLDecoder.decode(pair.substring(name.length() + 1), java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no " + name + " in " + url);
  }
}
