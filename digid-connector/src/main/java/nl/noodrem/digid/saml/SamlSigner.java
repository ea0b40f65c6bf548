package nl.noodrem.digid.saml;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.opensaml.saml.common.SAMLObjectContentReference;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.security.SecurityException;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.keyinfo.impl.X509KeyInfoGeneratorFactory;
import org.opensaml.xmlsec.signature.KeyInfo;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.Signer;
import org.w3c.dom.Element;

/**
 * Enveloped XML signatures on SAML objects (RSA-SHA256, SHA-256 digest, exclusive C14N) and raw signatures
 * for the HTTP-Redirect binding's query string.
 */
public final class SamlSigner {

  public static final String RSA_SHA256 = SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256;
  public static final String SHA256 = SignatureConstants.ALGO_ID_DIGEST_SHA256;
  public static final String EXCLUSIVE_C14N = SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS;

  private SamlSigner() {}

  /** Signs {@code object} with RSA-SHA256 and returns its signed DOM. */
  public static Element sign(SignableSAMLObject object, BasicX509Credential credential) {
    return sign(object, credential, RSA_SHA256, SHA256);
  }

  /**
   * Signs with explicit algorithms. Production code uses {@link #sign(SignableSAMLObject,
   * BasicX509Credential)}; the explicit form exists so that the simulator and the tests can produce the
   * weak signatures the validator must refuse.
   */
  public static Element sign(
      SignableSAMLObject object, BasicX509Credential credential, String signatureAlgorithm, String digestAlgorithm) {
    OpenSaml.initialize();
    Signature signature = OpenSaml.build(Signature.DEFAULT_ELEMENT_NAME);
    signature.setSigningCredential(credential);
    signature.setSignatureAlgorithm(signatureAlgorithm);
    signature.setCanonicalizationAlgorithm(EXCLUSIVE_C14N);
    signature.setKeyInfo(keyInfo(credential));
    object.setSignature(signature);
    ((SAMLObjectContentReference) signature.getContentReferences().get(0)).setDigestAlgorithm(digestAlgorithm);
    Element element = OpenSaml.marshall(object);
    try {
      Signer.signObject(signature);
    } catch (SignatureException e) {
      throw new IllegalStateException("cannot sign " + object.getElementQName().getLocalPart(), e);
    }
    return element;
  }

  private static KeyInfo keyInfo(BasicX509Credential credential) {
    X509KeyInfoGeneratorFactory factory = new X509KeyInfoGeneratorFactory();
    factory.setEmitEntityCertificate(true);
    try {
      return factory.newInstance().generate(credential);
    } catch (SecurityException e) {
      throw new IllegalStateException("cannot build KeyInfo", e);
    }
  }

  /** Java algorithm name for an XML-DSig RSA signature URI; {@code null} when not an RSA-SHA2 URI. */
  public static String javaAlgorithm(String signatureAlgorithmUri) {
    return switch (signatureAlgorithmUri == null ? "" : signatureAlgorithmUri) {
      case SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256 -> "SHA256withRSA";
      case SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA384 -> "SHA384withRSA";
      case SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA512 -> "SHA512withRSA";
      default -> null;
    };
  }

  /** Raw RSA-SHA256 signature, as the HTTP-Redirect binding signs its query string. */
  public static byte[] signRaw(byte[] data, PrivateKey key) {
    try {
      java.security.Signature signer = java.security.Signature.getInstance("SHA256withRSA");
      signer.initSign(key);
      signer.update(data);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign", e);
    }
  }

  /** Verifies a raw signature made with an allow-listed RSA-SHA2 algorithm URI. */
  public static boolean verifyRaw(byte[] data, byte[] signature, String algorithmUri, PublicKey key) {
    String javaAlgorithm = javaAlgorithm(algorithmUri);
    if (javaAlgorithm == null) {
      return false;
    }
    try {
      java.security.Signature verifier = java.security.Signature.getInstance(javaAlgorithm);
      verifier.initVerify(key);
      verifier.update(data);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
