package nl.noodrem.digid.saml;

import nl.noodrem.digid.DigidLoginException;

/**
 * Exchanges an artifact for the IdP's SOAP answer. Guarantee: the returned body is at most the configured
 * size and came over a TLS connection authenticated both ways. Failure: {@link DigidLoginException} with a
 * transport reason.
 */
public interface ArtifactResolver {

  /** The raw SOAP answer and the ID of the ArtifactResolve it answers. */
  record Resolution(String artifactResolveId, byte[] soapBody) {}

  Resolution resolve(Saml2Artifact artifact, String endpointUrl) throws DigidLoginException;
}
