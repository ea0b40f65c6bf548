package nl.noodrem.processes.port;

import java.util.List;
import nl.noodrem.domain.Oin;

/**
 * Writes an issuer's status list on chain (besu-network), signed with that issuer's account.
 *
 * <p><b>Guarantee:</b> {@link #allocate} returns a slot no other credential of any issuer was given; a retried
 * step may allocate a second slot and leave the first unused, which is harmless (an unused bit is never checked).
 * {@link #revoke} returns once the transaction is mined; revoking a slot that is already revoked is a no-op, so a
 * retried batch is safe.
 *
 * <p><b>Failure:</b> {@link PortUnavailableException} when the chain cannot be reached or the transaction was not
 * mined in time; {@link IllegalArgumentException} when the issuer is not accredited or a slot is not the issuer's
 * (a person must look: retrying does not help).
 */
public interface StatusListWriter {

  StatusSlot allocate(Oin issuer) throws PortUnavailableException;

  void revoke(Oin issuer, List<StatusSlot> slots) throws PortUnavailableException;
}
