package nl.noodrem.digid.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import nl.noodrem.digid.DigidLoginException;
import nl.noodrem.digid.RejectionReason;
import nl.noodrem.digid.support.DigidTestFixture;
import org.junit.jupiter.api.Test;

/** The hand-written HTTP-Redirect and HTTP-POST bindings and the artifact format. */
class BindingsTest {

  private final PrivateKey key = DigidTestFixture.keys().spSigning().privateKey();
  private final PublicKey publicKey = DigidTestFixture.keys().spSigning().certificate().getPublicKey();

  @Test
  void redirect_encodeThenDecode_roundTripsAndSignatureVerifies() {
    byte[] xml = "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_1\"/>".getBytes(StandardCharsets.UTF_8);
    String url = RedirectBinding.encode("https://idp.test/sso?x=1", "SAMLRequest", xml, "relay+state/ä", key);

    assertThat(url).startsWith("https://idp.test/sso?x=1&SAMLRequest=");
    RedirectBinding.Decoded decoded = RedirectBinding.decode(url.substring(url.indexOf("SAMLRequest")), "SAMLRequest");
    assertThat(decoded.messageXml()).isEqualTo(xml);
    assertThat(decoded.relayState()).isEqualTo("relay+state/ä");
    assertThat(SamlSigner.verifyRaw(decoded.signedOctets(), decoded.signature(), decoded.sigAlg(), publicKey)).isTrue();
  }

  @Test
  void redirect_relayStateChangedInTransit_signatureFails() {
    String url = RedirectBinding.encode("https://idp.test/sso", "SAMLRequest", "<x/>".getBytes(StandardCharsets.UTF_8), "abc", key);
    RedirectBinding.Decoded decoded = RedirectBinding.decode(url.substring(url.indexOf('?') + 1).replace("RelayState=abc", "RelayState=abd"), "SAMLRequest");
    assertThat(SamlSigner.verifyRaw(decoded.signedOctets(), decoded.signature(), decoded.sigAlg(), publicKey)).isFalse();
  }

  @Test
  void redirect_sha1SigAlg_neverVerifies() {
    String url = RedirectBinding.encode("https://idp.test/sso", "SAMLRequest", "<x/>".getBytes(StandardCharsets.UTF_8), null, key);
    RedirectBinding.Decoded decoded = RedirectBinding.decode(url.substring(url.indexOf('?') + 1), "SAMLRequest");
    assertThat(SamlSigner.verifyRaw(decoded.signedOctets(), decoded.signature(), "http://www.w3.org/2000/09/xmldsig#rsa-sha1", publicKey)).isFalse();
  }

  @Test
  void redirect_repeatedParameter_isRefused() {
    assertThatThrownBy(() -> RedirectBinding.decode("SAMLRequest=a&SAMLRequest=b", "SAMLRequest")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void inflate_deflateBomb_isStoppedAtTheBound() {
    byte[] bomb = RedirectBinding.deflate(new byte[RedirectBinding.MAX_INFLATED_BYTES * 4]);
    assertThat(bomb.length).isLessThan(2048);
    assertThatThrownBy(() -> RedirectBinding.inflate(bomb)).hasMessageContaining("too large");
  }

  @Test
  void post_page_escapesValuesAndCarriesNonceBoundScript() {
    PostBinding.Page page = PostBinding.encode("https://idp.test/sso?a=1&b='2'", "SAMLRequest", "<x/>".getBytes(StandardCharsets.UTF_8), "r\"<", "n0nce");
    assertThat(page.html()).contains("action=\"https://idp.test/sso?a=1&amp;b=&#39;2&#39;\"")
        .contains("value=\"r&quot;&lt;\"")
        .contains("value=\"" + Base64.getEncoder().encodeToString("<x/>".getBytes(StandardCharsets.UTF_8)) + "\"")
        .contains("<script nonce=\"n0nce\">");
    assertThat(page.contentSecurityPolicy()).isEqualTo(
        "default-src 'none'; script-src 'nonce-n0nce'; form-action https://idp.test; base-uri 'none'; frame-ancestors 'none'");
  }

  @Test
  void artifact_createThenParse_keepsIndexAndSource() throws DigidLoginException {
    Saml2Artifact created = Saml2Artifact.create("https://idp.test/metadata", 3);
    Saml2Artifact parsed = Saml2Artifact.parse(created.encoded());
    assertThat(parsed.endpointIndex()).isEqualTo(3);
    assertThat(parsed.isFrom("https://idp.test/metadata")).isTrue();
    assertThat(parsed.isFrom("https://other.test/metadata")).isFalse();
    assertThat(parsed.toString()).doesNotContain(created.encoded());
  }

  @Test
  void artifact_wrongTypeCode_isRefused() {
    byte[] bytes = Base64.getDecoder().decode(Saml2Artifact.create("https://idp.test/metadata", 0).encoded());
    bytes[1] = 0x03;
    assertThatThrownBy(() -> Saml2Artifact.parse(Base64.getEncoder().encodeToString(bytes)))
        .isInstanceOfSatisfying(DigidLoginException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.ARTIFACT_MALFORMED));
  }
}
