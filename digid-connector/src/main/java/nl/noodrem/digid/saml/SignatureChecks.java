package nl.noodrem.digid.saml;

import java.security.KeyException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import nl.noodrem.digid.DigidLoginException;
import nl.noodrem.digid.RejectionReason;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;
import org.opensaml.xmlsec.signature.KeyInfo;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.SignatureValidator;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks an enveloped signature on a SAML object against keys the caller trusts (from metadata), never
 * against a key the message carries. Order: presence, algorithm allow-list, SAML profile (exactly one
 * reference, to the parent's ID, with only the enveloped and exclusive-C14N transforms), KeyInfo, then the
 * cryptography.
 */
public final class SignatureChecks {

  /** RSA and ECDSA with SHA-2; SHA-1 and anything unknown are refused (downgrade attacks). */
  public static final Set<String> ALLOWED_SIGNATURE_ALGORITHMS =
      Set.of(
          SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256,
          SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA384,
          SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA512,
          SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA256,
          SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA384,
          SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA512);

  public static final Set<String> ALLOWED_DIGEST_ALGORITHMS =
      Set.of(
          SignatureConstants.ALGO_ID_DIGEST_SHA256,
          SignatureConstants.ALGO_ID_DIGEST_SHA384,
          SignatureConstants.ALGO_ID_DIGEST_SHA512);

  public static final Set<String> ALLOWED_CANONICALIZATIONS =
      Set.of(
          SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS,
          SignatureConstants.ALGO_ID_C14N_EXCL_WITH_COMMENTS);

  private static final String DSIG_NS = SignatureConstants.XMLSIG_NS;

  private SignatureChecks() {}

  /**
   * @param what names the signed element in log details ("ArtifactResponse", "Assertion")
   * @param unsignedReason the reason used when no signature is present
   */
  public static void verify(
      SignableSAMLObject object, List<BasicX509Credential> trusted, String what, RejectionReason unsignedReason)
      throws DigidLoginException {
    Signature signature = object.getSignature();
    if (signature == null) {
      throw new DigidLoginException(unsignedReason, what + " is not signed");
    }
    checkAlgorithms(signature, what);
    try {
      new SAMLSignatureProfileValidator().validate(signature);
    } catch (SignatureException e) {
      throw new DigidLoginException(RejectionReason.SIGNATURE_PROFILE_INVALID, what + ": " + e.getMessage());
    }
    checkKeyInfo(signature.getKeyInfo(), trusted, what);
    for (BasicX509Credential credential : trusted) {
      try {
        SignatureValidator.validate(signature, credential);
        return;
      } catch (SignatureException e) {
        // try the next metadata key (key rollover publishes two)
      }
    }
    throw new DigidLoginException(RejectionReason.SIGNATURE_INVALID, what + " signature does not verify with the metadata key(s)");
  }

  private static void checkAlgorithms(Signature signature, String what) throws DigidLoginException {
    if (!ALLOWED_SIGNATURE_ALGORITHMS.contains(signature.getSignatureAlgorithm())) {
      throw new DigidLoginException(
          RejectionReason.SIGNATURE_ALGORITHM_FORBIDDEN, what + " signature algorithm " + signature.getSignatureAlgorithm());
    }
    if (!ALLOWED_CANONICALIZATIONS.contains(signature.getCanonicalizationAlgorithm())) {
      throw new DigidLoginException(
          RejectionReason.SIGNATURE_ALGORITHM_FORBIDDEN, what + " canonicalization " + signature.getCanonicalizationAlgorithm());
    }
    Element dom = signature.getDOM();
    if (dom == null) {
      throw new DigidLoginException(RejectionReason.INTERNAL_ERROR, what + " signature has no DOM");
    }
    var digestMethods = dom.getElementsByTagNameNS(DSIG_NS, "DigestMethod");
    if (digestMethods.getLength() == 0) {
      throw new DigidLoginException(RejectionReason.SIGNATURE_PROFILE_INVALID, what + " signature has no DigestMethod");
    }
    for (int i = 0; i < digestMethods.getLength(); i++) {
      String algorithm = ((Element) digestMethods.item(i)).getAttribute("Algorithm");
      if (!ALLOWED_DIGEST_ALGORITHMS.contains(algorithm)) {
        throw new DigidLoginException(RejectionReason.SIGNATURE_ALGORITHM_FORBIDDEN, what + " digest algorithm " + algorithm);
      }
    }
  }

  /**
   * The KeyInfo is never used to pick a key, but a certificate or key in it that is not the metadata's
   * shows someone signing with their own key: refuse that explicitly so the log says so.
   */
  private static void checkKeyInfo(KeyInfo keyInfo, List<BasicX509Credential> trusted, String what) throws DigidLoginException {
    if (keyInfo == null) {
      return;
    }
    try {
      for (X509Certificate certificate : KeyInfoSupport.getCertificates(keyInfo)) {
        if (trusted.stream().noneMatch(t -> t.getEntityCertificate().equals(certificate))) {
          throw new DigidLoginException(
              RejectionReason.KEYINFO_NOT_FROM_METADATA,
              what + " KeyInfo certificate " + certificate.getSubjectX500Principal().getName() + " is not in the IdP metadata");
        }
      }
      for (PublicKey key : KeyInfoSupport.getPublicKeys(keyInfo)) {
        if (trusted.stream().noneMatch(t -> t.getPublicKey().equals(key))) {
          throw new DigidLoginException(RejectionReason.KEYINFO_NOT_FROM_METADATA, what + " KeyInfo key is not in the IdP metadata");
        }
      }
    } catch (CertificateException | KeyException e) {
      throw new DigidLoginException(RejectionReason.KEYINFO_NOT_FROM_METADATA, what + " KeyInfo is unreadable");
    }
  }

  /** True when {@code node} is a ds:Signature element. */
  static boolean isSignature(Node node) {
    return node instanceof Element e && DSIG_NS.equals(e.getNamespaceURI()) && "Signature".equals(e.getLocalName());
  }
}
