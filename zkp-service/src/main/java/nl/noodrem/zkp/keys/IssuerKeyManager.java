package nl.noodrem.zkp.keys;

import java.util.List;
import java.util.Optional;
import nl.noodrem.domain.Oin;
import nl.noodrem.zkp.KeyStoreAccessException;

/**
 * Issuer side: creates, rotates, keeps and loads an issuer's BBS keys.
 *
 * <p><b>Guarantees.</b> Secret keys are only ever stored encrypted at rest under a key derived from the store's
 * password, and authenticated together with their key id, issuer and public key, so a swapped or altered entry is
 * detected on load. Keys are never deleted by rotation: older keys stay loadable (their credentials stay
 * verifiable until the chain marks the key expired or revoked). Key ids count up per issuer:
 * {@code <OIN>-k1}, {@code -k2}, ...
 *
 * <p><b>Failures.</b> {@link KeyStoreAccessException} for an unreadable or unwritable store, a wrong password, a
 * tampered entry or an unknown key id.
 */
public interface IssuerKeyManager {

  /** Generates the issuer's next key (k1 for a new issuer) and stores it. */
  IssuerPublicKey generate(Oin issuer) throws KeyStoreAccessException;

  /** Same as {@link #generate}: a new key id; the previous key stays in the store. */
  default IssuerPublicKey rotate(Oin issuer) throws KeyStoreAccessException {
    return generate(issuer);
  }

  /** Decrypts one key for signing. */
  IssuerSigningKey load(IssuerKeyId keyId) throws KeyStoreAccessException;

  /** The public key of a stored key, without decrypting anything. */
  IssuerPublicKey publicKey(IssuerKeyId keyId) throws KeyStoreAccessException;

  /** All stored key ids of an issuer, oldest first. */
  List<IssuerKeyId> keyIds(Oin issuer) throws KeyStoreAccessException;

  /** The issuer's newest key id, the one new credentials are signed with. */
  default Optional<IssuerKeyId> currentKeyId(Oin issuer) throws KeyStoreAccessException {
    List<IssuerKeyId> ids = keyIds(issuer);
    return ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(ids.size() - 1));
  }
}
