package nl.noodrem.zkp.credential;

import nl.noodrem.zkp.CredentialRejectedException;
import nl.noodrem.zkp.InvalidSignatureException;
import nl.noodrem.zkp.MalformedInputException;
import nl.noodrem.zkp.TrustUnavailableException;

/**
 * Holder side (or anyone with the whole credential): checks an issued credential before keeping or using it.
 *
 * <p><b>Guarantees.</b> On return, the schema is known and matches the credential's reference, the issuer key is
 * known to the trust directory and usable now, and the BBS signature verifies over every attribute.
 *
 * <p><b>Failures.</b> {@link MalformedInputException}: the credential does not fit its schema or carries
 * undecodable values; {@link CredentialRejectedException}: unknown schema or key, or a key that is revoked,
 * expired, not yet valid or of a suspended issuer; {@link InvalidSignatureException}: the signature does not
 * verify; {@link TrustUnavailableException}: the trust directory could not answer.
 */
public interface CredentialVerifier {

  VerifiedCredential verify(Credential credential)
      throws MalformedInputException, CredentialRejectedException, InvalidSignatureException,
          TrustUnavailableException;
}
