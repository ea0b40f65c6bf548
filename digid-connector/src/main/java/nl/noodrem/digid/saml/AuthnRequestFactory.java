package nl.noodrem.digid.saml;

import java.time.Instant;
import nl.noodrem.digid.DigidLevel;
import nl.noodrem.digid.ServiceProviderConfig;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.AuthnContextClassRef;
import org.opensaml.saml.saml2.core.AuthnContextComparisonTypeEnumeration;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.RequestedAuthnContext;

/**
 * Builds the AuthnRequest DigiD expects (Koppelvlakspecificatie DigiD SAML Authenticatie): Destination = the
 * SSO URL, our Issuer, the ACS by index or by URL with the HTTP-Artifact binding, {@code
 * RequestedAuthnContext Comparison="minimum"} with the requested level, and no NameIDPolicy.
 */
public final class AuthnRequestFactory {

  private final ServiceProviderConfig config;

  public AuthnRequestFactory(ServiceProviderConfig config) {
    this.config = config;
  }

  /** An unsigned AuthnRequest; the binding signs it (query string or enveloped). */
  public AuthnRequest create(String requestId, String destination, DigidLevel level, Instant now) {
    AuthnRequest request = OpenSaml.build(AuthnRequest.DEFAULT_ELEMENT_NAME);
    request.setID(requestId);
    request.setVersion(SAMLVersion.VERSION_20);
    request.setIssueInstant(OpenSaml.toDateTime(now));
    request.setDestination(destination);
    if (config.assertionConsumerServiceIndex() != null) {
      // by index, ProtocolBinding and AssertionConsumerServiceURL must be absent (Core §3.4.1)
      request.setAssertionConsumerServiceIndex(config.assertionConsumerServiceIndex());
    } else {
      request.setAssertionConsumerServiceURL(config.acsUrl());
      request.setProtocolBinding(IdpMetadata.BINDING_ARTIFACT);
    }
    if (config.attributeConsumingServiceIndex() != null) {
      request.setAttributeConsumingServiceIndex(config.attributeConsumingServiceIndex());
    }
    if (config.forceAuthn()) {
      request.setForceAuthn(Boolean.TRUE);
    }
    Issuer issuer = OpenSaml.build(Issuer.DEFAULT_ELEMENT_NAME);
    issuer.setValue(config.entityId());
    request.setIssuer(issuer);

    RequestedAuthnContext requested = OpenSaml.build(RequestedAuthnContext.DEFAULT_ELEMENT_NAME);
    requested.setComparison(AuthnContextComparisonTypeEnumeration.MINIMUM);
    AuthnContextClassRef classRef = OpenSaml.build(AuthnContextClassRef.DEFAULT_ELEMENT_NAME);
    classRef.setAuthnContextClassRef(level.authnContextClassRef());
    requested.getAuthnContextClassRefs().add(classRef);
    request.setRequestedAuthnContext(requested);
    return request;
  }
}
