package nl.noodrem.processes.port;

/**
 * Accredits an issuer on chain (issuer registry of besu-network), with the network operator's account.
 *
 * <p><b>Guarantee:</b> returns the hash of the mined transaction after which the issuer and its key are active.
 * Accrediting an issuer that is already accredited with the same key returns normally (a retried job is safe).
 *
 * <p><b>Failure:</b> {@link PortUnavailableException} when the chain cannot be reached or the transaction was not
 * mined in time; {@link IllegalArgumentException} when the registry refuses it (e.g. the OIN is taken by another
 * account, the key is not a valid G2 point): a person must look.
 */
public interface IssuerAccreditor {

  String accredit(IssuerApplication application) throws PortUnavailableException;
}
