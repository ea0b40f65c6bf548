package nl.noodrem.processes.port;

/**
 * Signs a DebtAssistanceCredential with the issuing municipality's BBS key (zkp-service; the key stays in its key
 * store).
 *
 * <p><b>Guarantee:</b> the returned credential carries exactly {@code attributes}, in the schema's order and
 * encoding, and a header binding schema id, version and the issuer's key id. Nothing is kept.
 *
 * <p><b>Failure:</b> {@link PortUnavailableException} when the key store cannot be used now;
 * {@link IllegalArgumentException} when the issuer has no usable key (the municipality is not onboarded).
 */
public interface CredentialSigner {

  SignedCredential sign(CredentialAttributes attributes) throws PortUnavailableException;
}
