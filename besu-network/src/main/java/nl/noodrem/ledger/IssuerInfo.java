package nl.noodrem.ledger;

import java.time.Instant;
import nl.noodrem.domain.Oin;

/**
 * An accredited issuer as the chain holds it.
 *
 * @param account 0x address of the issuer's writing account (lower case)
 * @param active false while suspended
 * @param currentKeyId the key that signs new credentials
 * @param keyCount keys in the history, current one included
 */
public record IssuerInfo(Oin oin, String name, String account, boolean active, Instant accreditedAt,
    KeyId currentKeyId, int keyCount) {}
