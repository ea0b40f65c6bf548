package nl.noodrem.zkp.trust;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issuer keys, schemas and revoked status bits held in memory: for tests, the command-line tool and local
 * development. Production verifiers use the chain-backed implementations from {@code besu-network}.
 * Thread-safe.
 */
public final class InMemoryTrustDirectory implements IssuerKeyDirectory, SchemaDirectory, RevocationStatusReader {

  private final Map<String, IssuerKeyRecord> keys = new ConcurrentHashMap<>();
  private final Map<String, SchemaRecord> schemas = new ConcurrentHashMap<>();
  private final Set<String> revoked = ConcurrentHashMap.newKeySet();

  public InMemoryTrustDirectory putKey(IssuerKeyRecord key) {
    keys.put(key.keyId(), key);
    return this;
  }

  public InMemoryTrustDirectory putSchema(SchemaRecord schema) {
    schemas.put(schema.schemaId() + "#" + schema.version(), schema);
    return this;
  }

  public InMemoryTrustDirectory revoke(long statusListId, long statusIndex) {
    revoked.add(statusListId + "/" + statusIndex);
    return this;
  }

  @Override
  public Optional<IssuerKeyRecord> findKey(String keyId) {
    return Optional.ofNullable(keys.get(keyId));
  }

  @Override
  public Optional<SchemaRecord> findSchema(String schemaId, int version) {
    return Optional.ofNullable(schemas.get(schemaId + "#" + version));
  }

  @Override
  public boolean isRevoked(long statusListId, long statusIndex) {
    return revoked.contains(statusListId + "/" + statusIndex);
  }
}
