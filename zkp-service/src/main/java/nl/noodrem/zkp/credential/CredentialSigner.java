package nl.noodrem.zkp.credential;

import java.util.Map;
import nl.noodrem.zkp.MalformedInputException;

/**
 * Issuer side: signs a complete set of attribute values into a {@link Credential} for the holder's wallet.
 *
 * <p><b>Guarantees.</b> The signature (BBS, draft-irtf-cfrg-bbs-signatures-10) covers every attribute in schema
 * order, and its header binds the schema id, version and document hash and the issuer key id, so the credential
 * can only be read against that schema and verified with that key. Signing is deterministic for the same
 * attributes and key; it does not record the credential anywhere.
 *
 * <p><b>Failures.</b> {@link MalformedInputException} when an attribute is missing, unknown, of the wrong type or
 * out of range (for example an enum value the schema does not list, or a string that is not NFC).
 */
public interface CredentialSigner {

  Credential sign(Map<String, AttributeValue> attributes) throws MalformedInputException;
}
