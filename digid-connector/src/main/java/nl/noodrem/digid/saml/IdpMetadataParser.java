package nl.noodrem.digid.saml;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.noodrem.digid.DigidLoginException;
import nl.noodrem.digid.RejectionReason;
import nl.noodrem.digid.tls.KeyMaterial;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.io.UnmarshallingException;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.metadata.ArtifactResolutionService;
import org.opensaml.saml.saml2.metadata.EntitiesDescriptor;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.saml.saml2.metadata.SingleLogoutService;
import org.opensaml.saml.saml2.metadata.SingleSignOnService;
import org.opensaml.security.credential.UsageType;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;

/**
 * Turns IdP metadata bytes into {@link IdpMetadata}. Accepts an EntityDescriptor or an EntitiesDescriptor
 * (then {@code expectedEntityId} picks the entity). Optionally requires the document to be signed by a
 * pinned metadata-signing certificate and the IdP signing certificate to match pinned SHA-256 fingerprints.
 */
public final class IdpMetadataParser {

  private final String expectedEntityId;
  private final List<X509Certificate> metadataSigningCertificates;
  private final Set<String> pinnedSigningFingerprints;

  /**
   * @param expectedEntityId the IdP to use; {@code null} when the metadata describes exactly one IdP
   * @param metadataSigningCertificates when non-empty the metadata must carry a valid signature by one of them
   * @param pinnedSigningFingerprints when non-empty every IdP signing certificate must have one of these
   *     SHA-256 fingerprints (hex, case and colons ignored)
   */
  public IdpMetadataParser(
      String expectedEntityId, List<X509Certificate> metadataSigningCertificates, Set<String> pinnedSigningFingerprints) {
    this.expectedEntityId = expectedEntityId == null || expectedEntityId.isBlank() ? null : expectedEntityId;
    this.metadataSigningCertificates = List.copyOf(metadataSigningCertificates);
    this.pinnedSigningFingerprints =
        pinnedSigningFingerprints.stream().map(f -> f.replace(":", "").toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  /** @throws IllegalArgumentException when the metadata is unusable; the message says why */
  public IdpMetadata parse(byte[] bytes, Instant now) {
    XMLObject root;
    try {
      root = OpenSaml.unmarshall(SecureXml.parse(bytes).getDocumentElement());
    } catch (DigidLoginException e) {
      throw new IllegalArgumentException("IdP metadata is not acceptable XML: " + e.reason(), e);
    } catch (UnmarshallingException e) {
      throw new IllegalArgumentException("IdP metadata cannot be read: " + e.getMessage(), e);
    }
    if (!metadataSigningCertificates.isEmpty()) {
      if (!(root instanceof SignableSAMLObject signable)) {
        throw new IllegalArgumentException("IdP metadata root is not signable");
      }
      List<BasicX509Credential> trusted = metadataSigningCertificates.stream().map(BasicX509Credential::new).toList();
      try {
        SignatureChecks.verify(signable, trusted, "IdP metadata", RejectionReason.SIGNATURE_INVALID);
      } catch (DigidLoginException e) {
        throw new IllegalArgumentException("IdP metadata signature refused: " + e.getMessage(), e);
      }
    }
    Instant validUntil = null;
    List<EntityDescriptor> candidates = new ArrayList<>();
    if (root instanceof EntityDescriptor entity) {
      candidates.add(entity);
      validUntil = earliest(validUntil, OpenSaml.toInstant(entity.getValidUntil()));
    } else if (root instanceof EntitiesDescriptor entities) {
      validUntil = OpenSaml.toInstant(entities.getValidUntil());
      collect(entities, candidates);
    } else {
      throw new IllegalArgumentException("IdP metadata root is " + root.getElementQName().getLocalPart());
    }
    EntityDescriptor entity = choose(candidates);
    validUntil = earliest(validUntil, OpenSaml.toInstant(entity.getValidUntil()));
    if (validUntil != null && !now.isBefore(validUntil)) {
      throw new IllegalArgumentException("IdP metadata expired at " + validUntil);
    }
    IDPSSODescriptor idp = entity.getIDPSSODescriptor(SAMLConstants.SAML20P_NS);
    List<X509Certificate> signing = signingCertificates(idp);
    checkPins(signing);
    Map<String, String> sso = new HashMap<>();
    for (SingleSignOnService service : idp.getSingleSignOnServices()) {
      sso.putIfAbsent(service.getBinding(), service.getLocation());
    }
    Map<Integer, String> ars = new HashMap<>();
    for (ArtifactResolutionService service : idp.getArtifactResolutionServices()) {
      if (IdpMetadata.BINDING_SOAP.equals(service.getBinding()) && service.getIndex() != null) {
        ars.putIfAbsent(service.getIndex(), service.getLocation());
      }
    }
    Map<String, String> slo = new HashMap<>();
    for (SingleLogoutService service : idp.getSingleLogoutServices()) {
      slo.putIfAbsent(service.getBinding(), service.getLocation());
    }
    return new IdpMetadata(entity.getEntityID(), signing, sso, ars, slo, validUntil, now);
  }

  private static void collect(EntitiesDescriptor entities, List<EntityDescriptor> out) {
    out.addAll(entities.getEntityDescriptors());
    for (EntitiesDescriptor nested : entities.getEntitiesDescriptors()) {
      collect(nested, out);
    }
  }

  private EntityDescriptor choose(List<EntityDescriptor> candidates) {
    List<EntityDescriptor> idps =
        candidates.stream()
            .filter(e -> e.getIDPSSODescriptor(SAMLConstants.SAML20P_NS) != null)
            .filter(e -> expectedEntityId == null || expectedEntityId.equals(e.getEntityID()))
            .toList();
    if (idps.size() != 1) {
      throw new IllegalArgumentException(
          "IdP metadata holds " + idps.size() + " SAML 2.0 IdPs"
              + (expectedEntityId == null ? " (set the IdP entity ID to choose)" : " with entityID " + expectedEntityId));
    }
    return idps.get(0);
  }

  private static List<X509Certificate> signingCertificates(IDPSSODescriptor idp) {
    List<X509Certificate> result = new ArrayList<>();
    for (KeyDescriptor descriptor : idp.getKeyDescriptors()) {
      UsageType use = descriptor.getUse();
      if (use != null && use != UsageType.SIGNING && use != UsageType.UNSPECIFIED) {
        continue;
      }
      if (descriptor.getKeyInfo() == null) {
        continue;
      }
      try {
        result.addAll(KeyInfoSupport.getCertificates(descriptor.getKeyInfo()));
      } catch (CertificateException e) {
        throw new IllegalArgumentException("IdP metadata holds an unreadable certificate", e);
      }
    }
    if (result.isEmpty()) {
      throw new IllegalArgumentException("IdP metadata has no signing certificate");
    }
    return result;
  }

  private void checkPins(List<X509Certificate> signing) {
    if (pinnedSigningFingerprints.isEmpty()) {
      return;
    }
    for (X509Certificate certificate : signing) {
      String fingerprint = KeyMaterial.sha256Fingerprint(certificate);
      if (!pinnedSigningFingerprints.contains(fingerprint)) {
        throw new IllegalArgumentException("IdP signing certificate " + fingerprint + " is not pinned");
      }
    }
  }

  private static Instant earliest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.isBefore(b) ? a : b;
  }
}
