package nl.noodrem.zkp.trust;

import java.util.Optional;

/**
 * Where a verifier looks up a registered credential schema by id and version.
 *
 * <p>Implemented by {@code besu-network} against the on-chain schema registry.
 *
 * <p><b>Guarantee:</b> schemas are create-only, so a returned record never changes for the same
 * (id, version). <b>Failure:</b> unknown is {@link Optional#empty()}; an unreachable or inconsistent
 * directory throws {@link TrustLookupException}.
 */
public interface SchemaDirectory {

  Optional<SchemaRecord> findSchema(String schemaId, int version) throws TrustLookupException;
}
