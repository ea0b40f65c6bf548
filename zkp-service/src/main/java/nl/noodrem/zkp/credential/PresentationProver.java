package nl.noodrem.zkp.credential;

import nl.noodrem.zkp.CredentialRejectedException;
import nl.noodrem.zkp.MalformedInputException;

/**
 * Holder side: answers a verifier's {@link PresentationRequest} with a {@link Presentation} that discloses exactly
 * the requested attributes of a credential.
 *
 * <p><b>Guarantees.</b> The proof is a BBS zero-knowledge proof (draft-irtf-cfrg-bbs-signatures-10): it reveals
 * nothing about the attributes that are not requested, and two presentations of the same credential cannot be
 * linked through the proof (fresh randomness each time). Its presentation header binds the request's nonce and
 * audience and the creation time, so it is useless to anyone but that verifier, for that request.
 *
 * <p><b>Failures.</b> {@link MalformedInputException}: the request asks for attributes the schema does not have,
 * or the credential does not fit its schema; {@link CredentialRejectedException}: the request is for another
 * schema ({@code SCHEMA_MISMATCH}) or has expired ({@code REQUEST_EXPIRED}).
 */
public interface PresentationProver {

  Presentation prove(Credential credential, PresentationRequest request)
      throws MalformedInputException, CredentialRejectedException;
}
