package nl.noodrem.digid.simulator;

import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.time.Instant;
import nl.noodrem.digid.saml.IdpMetadata;
import nl.noodrem.digid.saml.OpenSaml;
import nl.noodrem.digid.saml.SamlSigner;
import nl.noodrem.digid.saml.SecureXml;
import nl.noodrem.digid.tls.KeyMaterial.KeyEntry;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.metadata.ArtifactResolutionService;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.saml.saml2.metadata.SingleLogoutService;
import org.opensaml.saml.saml2.metadata.SingleSignOnService;
import org.opensaml.security.credential.UsageType;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;
import org.opensaml.xmlsec.signature.KeyInfo;
import org.opensaml.xmlsec.signature.X509Data;

/**
 * DEV ONLY. The simulator's signed IdP metadata, shaped like DigiD's: a signing certificate, SSO over
 * HTTP-Redirect and HTTP-POST, a SOAP ArtifactResolutionService at index 0 and single logout over
 * HTTP-Redirect.
 */
public final class DigidSimulatorMetadata {

  private DigidSimulatorMetadata() {}

  public static byte[] generate(String entityId, String ssoUrl, String artifactResolutionUrl, KeyEntry signingKey, Instant now) {
    return generate(entityId, ssoUrl, artifactResolutionUrl, null, signingKey, now);
  }

  /** @param singleLogoutUrl the HTTP-Redirect SingleLogoutService, or null for an IdP without single logout */
  public static byte[] generate(
      String entityId, String ssoUrl, String artifactResolutionUrl, String singleLogoutUrl, KeyEntry signingKey, Instant now) {
    EntityDescriptor entity = OpenSaml.build(EntityDescriptor.DEFAULT_ELEMENT_NAME);
    entity.setEntityID(entityId);
    entity.setID(OpenSaml.newId());
    entity.setValidUntil(OpenSaml.toDateTime(now.plus(Duration.ofDays(365))));
    IDPSSODescriptor idp = OpenSaml.build(IDPSSODescriptor.DEFAULT_ELEMENT_NAME);
    idp.addSupportedProtocol(SAMLConstants.SAML20P_NS);
    idp.setWantAuthnRequestsSigned(Boolean.TRUE);

    KeyDescriptor key = OpenSaml.build(KeyDescriptor.DEFAULT_ELEMENT_NAME);
    key.setUse(UsageType.SIGNING);
    KeyInfo keyInfo = OpenSaml.build(KeyInfo.DEFAULT_ELEMENT_NAME);
    X509Data data = OpenSaml.build(X509Data.DEFAULT_ELEMENT_NAME);
    try {
      data.getX509Certificates().add(KeyInfoSupport.buildX509Certificate(signingKey.certificate()));
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
    keyInfo.getX509Datas().add(data);
    key.setKeyInfo(keyInfo);
    idp.getKeyDescriptors().add(key);

    ArtifactResolutionService ars = OpenSaml.build(ArtifactResolutionService.DEFAULT_ELEMENT_NAME);
    ars.setBinding(IdpMetadata.BINDING_SOAP);
    ars.setLocation(artifactResolutionUrl);
    ars.setIndex(0);
    ars.setIsDefault(Boolean.TRUE);
    idp.getArtifactResolutionServices().add(ars);

    if (singleLogoutUrl != null) {
      SingleLogoutService slo = OpenSaml.build(SingleLogoutService.DEFAULT_ELEMENT_NAME);
      slo.setBinding(IdpMetadata.BINDING_REDIRECT);
      slo.setLocation(singleLogoutUrl);
      idp.getSingleLogoutServices().add(slo);
    }

    for (String binding : new String[] {IdpMetadata.BINDING_REDIRECT, IdpMetadata.BINDING_POST}) {
      SingleSignOnService sso = OpenSaml.build(SingleSignOnService.DEFAULT_ELEMENT_NAME);
      sso.setBinding(binding);
      sso.setLocation(ssoUrl);
      idp.getSingleSignOnServices().add(sso);
    }
    entity.getRoleDescriptors().add(idp);
    return SecureXml.toBytes(SamlSigner.sign(entity, signingKey.credential()).getOwnerDocument());
  }
}
