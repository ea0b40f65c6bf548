package nl.noodrem.digid.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import nl.noodrem.digid.AuthnRequestBinding;
import nl.noodrem.digid.DigidLevel;
import nl.noodrem.digid.DigidLoginException;
import nl.noodrem.digid.DigidServiceProvider;
import nl.noodrem.digid.RejectionReason;
import nl.noodrem.digid.ServiceProviderConfig;
import nl.noodrem.digid.saml.ArtifactResolutionClient;
import nl.noodrem.digid.saml.ArtifactResolver;
import nl.noodrem.digid.saml.Saml2Artifact;
import nl.noodrem.digid.support.DigidTestFixture;
import nl.noodrem.digid.tls.KeyMaterial;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator as an IdP: what it accepts from an SP, and its mutual-TLS artifact resolution service. */
class DigidSimulatorTest {

  private DigidTestFixture fixture;
  private DigidSimulatorIdp idp;

  @BeforeEach
  void setUp() {
    fixture = DigidTestFixture.withSimulator();
    idp = fixture.simulator.idp();
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  private String query(DigidTestFixture.Started started) {
    return started.redirectUrl().substring(started.redirectUrl().indexOf('?') + 1);
  }

  /** A real artifact for a completed simulator login. */
  private Saml2Artifact artifact() throws Exception {
    DigidTestFixture.Started started = fixture.startLogin(DigidLevel.BASIS);
    String acs = idp.authenticate(idp.receiveRedirect(query(started)).key(), DigidTestFixture.VALID_BSN, DigidLevel.BASIS);
    String encoded = java.net.URLDecoder.decode(acs.replaceAll(".*SAMLart=([^&]+).*", "$1"), java.nio.charset.StandardCharsets.UTF_8);
    return Saml2Artifact.parse(encoded);
  }

  private String artifactResolutionUrl() throws DigidLoginException {
    return fixture.idpMetadata.current().artifactResolutionService(0).orElseThrow();
  }

  @Test
  void receiveRedirect_unsignedRequest_isRefused() throws Exception {
    String unsigned = query(fixture.startLogin(DigidLevel.BASIS)).replaceAll("&SigAlg=[^&]*", "").replaceAll("&Signature=[^&]*", "");
    assertThatThrownBy(() -> idp.receiveRedirect(unsigned)).isInstanceOf(DigidSimulatorIdp.SimulatorException.class).hasMessageContaining("niet ondertekend");
  }

  @Test
  void receiveRedirect_levelChangedInTransit_isRefused() throws Exception {
    DigidTestFixture.Started started = fixture.startLogin(DigidLevel.BASIS);
    String tampered = query(started).replaceFirst("RelayState=[^&]*", "RelayState=tampered0000000000000000");
    assertThatThrownBy(() -> idp.receiveRedirect(tampered)).isInstanceOf(DigidSimulatorIdp.SimulatorException.class).hasMessageContaining("handtekening");
  }

  @Test
  void receivePost_signedAuthnRequest_isAcceptedWithRequestedLevel() throws Exception {
    ServiceProviderConfig post = new ServiceProviderConfig(
        fixture.config.entityId(), fixture.config.acsUrl(), fixture.config.signingKey(), fixture.config.tlsClientKey(),
        fixture.config.tlsTrustStore(), AuthnRequestBinding.POST, null, null, false, fixture.config.clockSkew(),
        fixture.config.requestLifetime(), fixture.config.messageMaxAge(), fixture.config.maxAssertionLifetime(),
        fixture.config.maxSessionDuration(), fixture.config.artifactResolutionContentType(), fixture.config.connectTimeout(),
        fixture.config.readTimeout(), fixture.config.maxResponseBytes());
    DigidServiceProvider sp = new DigidServiceProvider(post, fixture.idpMetadata,
        new nl.noodrem.digid.store.JdbcAuthnRequestStore(fixture.jdbc, 10), new nl.noodrem.digid.store.JdbcReplayCache(fixture.jdbc),
        new ArtifactResolutionClient(post, Clock.systemUTC()), Clock.systemUTC());
    String html = ((DigidServiceProvider.PostForm) sp.startLogin("/", DigidLevel.HOOG, null)).page().html();

    DigidSimulatorIdp.PendingLogin login = idp.receivePost(
        html.replaceAll("(?s).*name=\"SAMLRequest\" value=\"([^\"]+)\".*", "$1"), html.replaceAll("(?s).*name=\"RelayState\" value=\"([^\"]+)\".*", "$1"));

    assertThat(login.requestedLevel()).isEqualTo(DigidLevel.HOOG);
    assertThat(login.acsUrl()).isEqualTo(DigidTestFixture.ACS_URL);
  }

  @Test
  void resolve_soapXmlContentType_works() throws Exception {
    ServiceProviderConfig soap12Type = withTls(fixture.config.tlsClientKey(), fixture.config.tlsTrustStore(), "application/soap+xml; charset=utf-8");
    ArtifactResolver.Resolution resolution = new ArtifactResolutionClient(soap12Type, Clock.systemUTC()).resolve(artifact(), artifactResolutionUrl());
    assertThat(new String(resolution.soapBody(), java.nio.charset.StandardCharsets.UTF_8)).contains("ArtifactResponse").contains("Assertion");
  }

  @Test
  void resolve_sameArtifactTwice_secondAnswerIsEmpty() throws Exception {
    Saml2Artifact artifact = artifact();
    ArtifactResolutionClient client = new ArtifactResolutionClient(fixture.config, Clock.systemUTC());
    client.resolve(artifact, artifactResolutionUrl());
    String second = new String(client.resolve(artifact, artifactResolutionUrl()).soapBody(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(second).contains("ArtifactResponse").doesNotContain(":Response ").doesNotContain("Assertion");
  }

  @Test
  void resolve_clientCertificateNotIssuedByTrustedCa_failsInTheTlsHandshake() throws Exception {
    ServiceProviderConfig untrustedClient = withTls(fixture.keys.spSigning(), fixture.config.tlsTrustStore(), "text/xml; charset=utf-8");
    Saml2Artifact artifact = artifact();
    assertThatThrownBy(() -> new ArtifactResolutionClient(untrustedClient, Clock.systemUTC()).resolve(artifact, artifactResolutionUrl()))
        .isInstanceOfSatisfying(DigidLoginException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.ARTIFACT_RESOLUTION_TRANSPORT));
  }

  @Test
  void resolve_serverCertificateNotTrusted_failsInTheTlsHandshake() throws Exception {
    ServiceProviderConfig wrongTrust = withTls(
        fixture.config.tlsClientKey(), KeyMaterial.trustStoreOf(List.of(fixture.keys.spSigning().certificate())), "text/xml; charset=utf-8");
    Saml2Artifact artifact = artifact();
    assertThatThrownBy(() -> new ArtifactResolutionClient(wrongTrust, Clock.systemUTC()).resolve(artifact, artifactResolutionUrl()))
        .isInstanceOfSatisfying(DigidLoginException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.ARTIFACT_RESOLUTION_TRANSPORT));
  }

  @Test
  void resolve_artifactResolveSignedWithUnknownKey_isRefusedWithSoapFault() throws Exception {
    ServiceProviderConfig c = fixture.config;
    ServiceProviderConfig wrongSigner = new ServiceProviderConfig(c.entityId(), c.acsUrl(), fixture.keys.idpSigning(), c.tlsClientKey(),
        c.tlsTrustStore(), c.requestBinding(), null, null, false, c.clockSkew(), c.requestLifetime(), c.messageMaxAge(),
        c.maxAssertionLifetime(), c.maxSessionDuration(), c.artifactResolutionContentType(), c.connectTimeout(), c.readTimeout(),
        c.maxResponseBytes());
    Saml2Artifact artifact = artifact();
    assertThatThrownBy(() -> new ArtifactResolutionClient(wrongSigner, Clock.systemUTC()).resolve(artifact, artifactResolutionUrl()))
        .isInstanceOfSatisfying(DigidLoginException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.ARTIFACT_RESOLUTION_HTTP_STATUS));
  }

  @Test
  void authenticate_loginKeyUsedTwice_isRefused() throws Exception {
    DigidSimulatorIdp.PendingLogin login = idp.receiveRedirect(query(fixture.startLogin(DigidLevel.BASIS)));
    idp.authenticate(login.key(), DigidTestFixture.VALID_BSN, DigidLevel.BASIS);
    assertThatThrownBy(() -> idp.authenticate(login.key(), DigidTestFixture.VALID_BSN, DigidLevel.BASIS))
        .isInstanceOf(DigidSimulatorIdp.SimulatorException.class);
  }

  private ServiceProviderConfig withTls(KeyMaterial.KeyEntry clientKey, java.security.KeyStore trust, String contentType) {
    ServiceProviderConfig c = fixture.config;
    return new ServiceProviderConfig(c.entityId(), c.acsUrl(), c.signingKey(), clientKey, trust, c.requestBinding(), null, null, false,
        c.clockSkew(), c.requestLifetime(), c.messageMaxAge(), c.maxAssertionLifetime(), c.maxSessionDuration(), contentType,
        c.connectTimeout(), c.readTimeout(), c.maxResponseBytes());
  }
}
