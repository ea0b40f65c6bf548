package nl.noodrem.zkp.credential;

import java.util.List;
import nl.noodrem.zkp.CredentialRejectedException;
import nl.noodrem.zkp.InvalidProofException;
import nl.noodrem.zkp.MalformedInputException;
import nl.noodrem.zkp.NonceStoreException;
import nl.noodrem.zkp.TrustUnavailableException;

/**
 * Verifier side (CJIB): issues presentation requests and checks the presentations that answer them.
 *
 * <p><b>Guarantees of {@link #verify}.</b> On return: the presentation answers a request this verifier issued,
 * for its own audience, within the request's validity window; its nonce had not been used and now is (single
 * use, also under concurrent calls); the disclosed attributes are exactly those requested; the schema is
 * registered in the trust directory with the same document hash; the issuer key is known, its issuer active and
 * the key neither revoked nor outside its validity; the BBS proof verifies; and, where configured, the
 * credential's status bit is not set and its {@code validUntil} has not passed.
 *
 * <p><b>Failures.</b> {@link MalformedInputException}: undecodable input; {@link InvalidProofException}: the
 * proof does not verify (tampering, other indexes, wrong header or presentation header);
 * {@link CredentialRejectedException} with a {@link CredentialRejectedException.Reason}: everything else that
 * makes the presentation unacceptable (replayed nonce, audience, time, key, schema, revocation);
 * {@link TrustUnavailableException} / {@link NonceStoreException}: could not decide now, try again later.
 */
public interface PresentationVerifier {

  /** A new request with a fresh random nonce, remembered by the nonce store until it expires. */
  PresentationRequest createRequest(CredentialSchema schema, List<String> disclose)
      throws MalformedInputException, NonceStoreException;

  VerifiedPresentation verify(Presentation presentation)
      throws MalformedInputException, InvalidProofException, CredentialRejectedException,
          TrustUnavailableException, NonceStoreException;
}
