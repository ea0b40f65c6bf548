package nl.noodrem.digid.saml;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.opensaml.security.x509.BasicX509Credential;

/**
 * What the service provider takes from the IdP's metadata, and nothing else: the entityID, the signing
 * certificates (the only keys a signature is ever checked with), the SSO endpoints per binding, the SOAP
 * ArtifactResolutionService endpoints by index and the SingleLogoutService endpoints per binding (none: the
 * IdP offers no single logout and logout stays local).
 */
public record IdpMetadata(
    String entityId,
    List<X509Certificate> signingCertificates,
    Map<String, String> singleSignOnServices,
    Map<Integer, String> artifactResolutionServices,
    Map<String, String> singleLogoutServices,
    Instant validUntil,
    Instant loadedAt) {

  public static final String BINDING_REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
  public static final String BINDING_POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
  public static final String BINDING_ARTIFACT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact";
  public static final String BINDING_SOAP = "urn:oasis:names:tc:SAML:2.0:bindings:SOAP";

  public IdpMetadata {
    Objects.requireNonNull(entityId, "entityId");
    signingCertificates = List.copyOf(signingCertificates);
    singleSignOnServices = Map.copyOf(singleSignOnServices);
    artifactResolutionServices = Map.copyOf(artifactResolutionServices);
    singleLogoutServices = Map.copyOf(singleLogoutServices);
    Objects.requireNonNull(loadedAt, "loadedAt");
    if (signingCertificates.isEmpty()) {
      throw new IllegalArgumentException("IdP metadata has no signing certificate");
    }
    if (artifactResolutionServices.isEmpty()) {
      throw new IllegalArgumentException("IdP metadata has no SOAP ArtifactResolutionService");
    }
  }

  /** Public-key credentials for signature checks, one per metadata signing certificate. */
  public List<BasicX509Credential> signingCredentials() {
    return signingCertificates.stream().map(BasicX509Credential::new).toList();
  }

  public Optional<String> singleSignOnService(String binding) {
    return Optional.ofNullable(singleSignOnServices.get(binding));
  }

  public Optional<String> singleLogoutService(String binding) {
    return Optional.ofNullable(singleLogoutServices.get(binding));
  }

  public Optional<String> artifactResolutionService(int index) {
    return Optional.ofNullable(artifactResolutionServices.get(index));
  }

  public boolean isValidAt(Instant now) {
    return validUntil == null || now.isBefore(validUntil);
  }
}
