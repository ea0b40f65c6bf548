package nl.noodrem.zkp.trust;

/**
 * Reads a credential's revocation bit from its issuer's status list.
 *
 * <p>Implemented by {@code besu-network} against the on-chain status-list registry. Status lists are
 * identified globally by {@code statusListId}; each bit index belongs to one issued credential.
 *
 * <p><b>Failure:</b> an unknown list or an index out of range throws {@link TrustLookupException}
 * with the reason; the caller must treat that as "cannot verify", never as "not revoked".
 */
public interface RevocationStatusReader {

  boolean isRevoked(long statusListId, long statusIndex) throws TrustLookupException;
}
