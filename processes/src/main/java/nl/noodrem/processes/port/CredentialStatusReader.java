package nl.noodrem.processes.port;

/**
 * Reads a credential's revocation bit in its issuer's status list on chain (besu-network).
 *
 * <p><b>Failure:</b> {@link PortUnavailableException} when the chain cannot be read, or the list or index is
 * unknown: the caller treats that as "cannot verify now", never as "not revoked".
 */
public interface CredentialStatusReader {

  boolean isRevoked(long statusListId, long statusIndex) throws PortUnavailableException;
}
