package nl.noodrem.digid.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import nl.noodrem.digid.RejectionReason;
import nl.noodrem.digid.ServiceProviderConfig;
import nl.noodrem.digid.simulator.DigidSimulatorMetadata;
import nl.noodrem.digid.support.DigidTestFixture;
import nl.noodrem.digid.tls.KeyMaterial;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.metadata.AssertionConsumerService;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.SPSSODescriptor;
import org.xml.sax.SAXException;

/** Our SP metadata and the simulator's IdP metadata against the SAML 2.0 metadata schema, and their content. */
class MetadataTest {

  private static Schema schema;

  @BeforeAll
  static void loadSchema() throws Exception {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file"); // local imports only, never the network
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    schema = factory.newSchema(MetadataTest.class.getResource("/schema/saml/saml-schema-metadata-2.0.xsd"));
  }

  private static ServiceProviderConfig config() {
    var keys = DigidTestFixture.keys();
    return ServiceProviderConfig.withDefaults(
        DigidTestFixture.SP_ENTITY_ID, DigidTestFixture.ACS_URL, keys.spSigning(), keys.spTls(), keys.caTrustStore());
  }

  private static byte[] spMetadata() {
    return new SpMetadataGenerator(
            config(), new SpMetadataGenerator.Contact("Gemeente Voorbeeld", "https://www.voorbeeld.nl", "digid@voorbeeld.nl"), Duration.ofDays(365))
        .generate(Instant.now());
  }

  @Test
  void spMetadata_validatesAgainstSamlMetadataSchema() throws Exception {
    schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(spMetadata())));
  }

  @Test
  void spMetadata_withoutOptionalContact_validatesAgainstSchema() throws Exception {
    byte[] minimal = new SpMetadataGenerator(config(), null, Duration.ofDays(30)).generate(Instant.now());
    schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(minimal)));
  }

  @Test
  void schema_brokenMetadata_isRejected() {
    String broken = new String(spMetadata(), StandardCharsets.UTF_8).replaceFirst("protocolSupportEnumeration=\"[^\"]*\"", "");
    assertThatThrownBy(() -> schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)))))
        .isInstanceOf(SAXException.class);
  }

  @Test
  void spMetadata_isSignedBySpKeyAndDescribesArtifactAcs() throws Exception {
    EntityDescriptor entity = (EntityDescriptor) OpenSaml.unmarshall(SecureXml.parse(spMetadata()).getDocumentElement());
    SignatureChecks.verify(entity, List.of(new org.opensaml.security.x509.BasicX509Credential(DigidTestFixture.keys().spSigning().certificate())),
        "SP metadata", RejectionReason.SIGNATURE_INVALID);
    assertThat(entity.getEntityID()).isEqualTo(DigidTestFixture.SP_ENTITY_ID);
    SPSSODescriptor sp = entity.getSPSSODescriptor(SAMLConstants.SAML20P_NS);
    assertThat(sp.isAuthnRequestsSigned()).isTrue();
    assertThat(sp.getWantAssertionsSigned()).isTrue();
    AssertionConsumerService acs = sp.getAssertionConsumerServices().get(0);
    assertThat(acs.getBinding()).isEqualTo(IdpMetadata.BINDING_ARTIFACT);
    assertThat(acs.getLocation()).isEqualTo(DigidTestFixture.ACS_URL);
    assertThat(acs.getIndex()).isZero();
    assertThat(acs.isDefault()).isTrue();
    assertThat(entity.getOrganization().getOrganizationNames().get(0).getValue()).isEqualTo("Gemeente Voorbeeld");
  }

  @Test
  void spMetadata_tamperedAfterSigning_failsVerification() throws Exception {
    String tampered = new String(spMetadata(), StandardCharsets.UTF_8).replace(DigidTestFixture.ACS_URL, "https://evil.example/acs");
    EntityDescriptor entity = (EntityDescriptor) OpenSaml.unmarshall(SecureXml.parse(tampered.getBytes(StandardCharsets.UTF_8)).getDocumentElement());
    assertThatThrownBy(() -> SignatureChecks.verify(entity,
            List.of(new org.opensaml.security.x509.BasicX509Credential(DigidTestFixture.keys().spSigning().certificate())),
            "SP metadata", RejectionReason.SIGNATURE_INVALID))
        .isInstanceOfSatisfying(nl.noodrem.digid.DigidLoginException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.SIGNATURE_INVALID));
  }

  @Test
  void simulatorIdpMetadata_validatesAgainstSchemaAndLoadsLikeDigidMetadata() throws Exception {
    var keys = DigidTestFixture.keys();
    byte[] metadata = DigidSimulatorMetadata.generate(
        DigidTestFixture.IDP_ENTITY_ID, "https://idp.test/sso", "https://idp.test:9443/ars", keys.idpSigning(), Instant.now());
    schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(metadata)));

    IdpMetadata parsed = new IdpMetadataParser(null, List.of(keys.idpSigning().certificate()),
            Set.of(KeyMaterial.sha256Fingerprint(keys.idpSigning().certificate()))).parse(metadata, Instant.now());
    assertThat(parsed.entityId()).isEqualTo(DigidTestFixture.IDP_ENTITY_ID);
    assertThat(parsed.signingCertificates()).containsExactly(keys.idpSigning().certificate());
    assertThat(parsed.artifactResolutionService(0)).contains("https://idp.test:9443/ars");
    assertThat(parsed.singleSignOnService(IdpMetadata.BINDING_REDIRECT)).contains("https://idp.test/sso");
    assertThat(parsed.singleSignOnService(IdpMetadata.BINDING_POST)).contains("https://idp.test/sso");
  }
}
