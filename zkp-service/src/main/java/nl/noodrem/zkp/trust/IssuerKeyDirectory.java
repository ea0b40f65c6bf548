package nl.noodrem.zkp.trust;

import java.util.Optional;

/**
 * Where a verifier looks up an issuer's BBS public key by its key id.
 *
 * <p>Implemented by {@code besu-network} against the on-chain issuer registry; the verifier in this
 * module only depends on this interface, so it never learns how accreditation is stored.
 *
 * <p><b>Guarantee:</b> a returned record is what the directory held at the time of the call,
 * including keys that were rotated out (so credentials signed with them can still be checked until
 * they expire), suspended issuers and revoked keys; deciding whether that state is acceptable is the
 * caller's job ({@link IssuerKeyRecord#usableAt(java.time.Instant)}).
 *
 * <p><b>Failure:</b> an unknown key id is {@link Optional#empty()}; a directory that cannot be reached
 * or answers garbage throws {@link TrustLookupException} — never an unchecked exception.
 */
public interface IssuerKeyDirectory {

  Optional<IssuerKeyRecord> findKey(String keyId) throws TrustLookupException;
}
