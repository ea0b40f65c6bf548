package nl.noodrem.digid.saml;

import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.time.Instant;
import nl.noodrem.digid.ServiceProviderConfig;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.metadata.AssertionConsumerService;
import org.opensaml.saml.saml2.metadata.ContactPerson;
import org.opensaml.saml.saml2.metadata.ContactPersonTypeEnumeration;
import org.opensaml.saml.saml2.metadata.EmailAddress;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.saml.saml2.metadata.Organization;
import org.opensaml.saml.saml2.metadata.OrganizationDisplayName;
import org.opensaml.saml.saml2.metadata.OrganizationName;
import org.opensaml.saml.saml2.metadata.OrganizationURL;
import org.opensaml.saml.saml2.metadata.SPSSODescriptor;
import org.opensaml.saml.saml2.metadata.SingleLogoutService;
import org.opensaml.security.credential.UsageType;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;
import org.opensaml.xmlsec.signature.KeyInfo;
import org.opensaml.xmlsec.signature.X509Data;
import org.w3c.dom.Element;

/**
 * Our signed SP metadata: AuthnRequestsSigned and WantAssertionsSigned, the signing certificate, the
 * SingleLogoutService endpoints (HTTP-Redirect and SOAP) and one default AssertionConsumerService with the
 * HTTP-Artifact binding (index 0). This is what Logius receives
 * when the connection is registered.
 */
public final class SpMetadataGenerator {

  /** Optional organisation and technical contact shown in the metadata. */
  public record Contact(String organizationName, String organizationUrl, String technicalContactEmail) {}

  private final ServiceProviderConfig config;
  private final Contact contact;
  private final Duration validity;

  public SpMetadataGenerator(ServiceProviderConfig config, Contact contact, Duration validity) {
    this.config = config;
    this.contact = contact;
    this.validity = validity;
  }

  /** Builds and signs the metadata document. */
  public byte[] generate(Instant now) {
    EntityDescriptor entity = OpenSaml.build(EntityDescriptor.DEFAULT_ELEMENT_NAME);
    entity.setEntityID(config.entityId());
    entity.setID(OpenSaml.newId());
    entity.setValidUntil(OpenSaml.toDateTime(now.plus(validity)));

    SPSSODescriptor sp = OpenSaml.build(SPSSODescriptor.DEFAULT_ELEMENT_NAME);
    sp.addSupportedProtocol(SAMLConstants.SAML20P_NS);
    sp.setAuthnRequestsSigned(Boolean.TRUE);
    sp.setWantAssertionsSigned(Boolean.TRUE);

    KeyDescriptor signing = OpenSaml.build(KeyDescriptor.DEFAULT_ELEMENT_NAME);
    signing.setUse(UsageType.SIGNING);
    KeyInfo keyInfo = OpenSaml.build(KeyInfo.DEFAULT_ELEMENT_NAME);
    X509Data x509Data = OpenSaml.build(X509Data.DEFAULT_ELEMENT_NAME);
    try {
      x509Data.getX509Certificates().add(KeyInfoSupport.buildX509Certificate(config.signingKey().certificate()));
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("cannot encode the SP signing certificate", e);
    }
    keyInfo.getX509Datas().add(x509Data);
    signing.setKeyInfo(keyInfo);
    sp.getKeyDescriptors().add(signing);

    // single logout: the LogoutResponse to our logout comes back by Redirect, the IdP's own logout by SOAP
    for (String[] endpoint :
        new String[][] {{IdpMetadata.BINDING_REDIRECT, config.singleLogoutUrl()}, {IdpMetadata.BINDING_SOAP, config.singleLogoutSoapUrl()}}) {
      SingleLogoutService slo = OpenSaml.build(SingleLogoutService.DEFAULT_ELEMENT_NAME);
      slo.setBinding(endpoint[0]);
      slo.setLocation(endpoint[1]);
      sp.getSingleLogoutServices().add(slo);
    }

    AssertionConsumerService acs = OpenSaml.build(AssertionConsumerService.DEFAULT_ELEMENT_NAME);
    acs.setIndex(config.assertionConsumerServiceIndex() == null ? 0 : config.assertionConsumerServiceIndex());
    acs.setIsDefault(Boolean.TRUE);
    acs.setBinding(IdpMetadata.BINDING_ARTIFACT);
    acs.setLocation(config.acsUrl());
    sp.getAssertionConsumerServices().add(acs);
    entity.getRoleDescriptors().add(sp);

    if (contact != null && notBlank(contact.organizationName()) && notBlank(contact.organizationUrl())) {
      Organization organization = OpenSaml.build(Organization.DEFAULT_ELEMENT_NAME);
      OrganizationName name = OpenSaml.build(OrganizationName.DEFAULT_ELEMENT_NAME);
      name.setValue(contact.organizationName());
      name.setXMLLang("nl");
      organization.getOrganizationNames().add(name);
      OrganizationDisplayName displayName = OpenSaml.build(OrganizationDisplayName.DEFAULT_ELEMENT_NAME);
      displayName.setValue(contact.organizationName());
      displayName.setXMLLang("nl");
      organization.getDisplayNames().add(displayName);
      OrganizationURL url = OpenSaml.build(OrganizationURL.DEFAULT_ELEMENT_NAME);
      url.setValue(contact.organizationUrl());
      url.setXMLLang("nl");
      organization.getURLs().add(url);
      entity.setOrganization(organization);
    }
    if (contact != null && notBlank(contact.technicalContactEmail())) {
      ContactPerson person = OpenSaml.build(ContactPerson.DEFAULT_ELEMENT_NAME);
      person.setType(ContactPersonTypeEnumeration.TECHNICAL);
      EmailAddress email = OpenSaml.build(EmailAddress.DEFAULT_ELEMENT_NAME);
      email.setAddress("mailto:" + contact.technicalContactEmail());
      person.getEmailAddresses().add(email);
      entity.getContactPersons().add(person);
    }
    Element signed = SamlSigner.sign(entity, config.signingKey().credential());
    return SecureXml.toBytes(signed.getOwnerDocument());
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
