package nl.noodrem.zkp.credential;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The schema documents this process knows in full (the chain anchors only their hash and attribute list; enum
 * values, and so the encoding, need the document). Immutable.
 */
public final class KnownSchemas {

  private final Map<String, CredentialSchema> byKey;

  private KnownSchemas(List<CredentialSchema> schemas) {
    Map<String, CredentialSchema> map = new LinkedHashMap<>();
    for (CredentialSchema s : schemas) {
      if (map.put(key(s.id(), s.version()), s) != null) {
        throw new IllegalArgumentException("schema " + s.id() + " v" + s.version() + " given twice");
      }
    }
    this.byKey = Map.copyOf(map);
  }

  public static KnownSchemas of(CredentialSchema... schemas) {
    return new KnownSchemas(List.of(schemas));
  }

  /** The schemas that ship with this module: DebtAssistanceCredential v1. */
  public static KnownSchemas builtIn() {
    return of(DebtAssistanceCredentialV1.SCHEMA);
  }

  public Optional<CredentialSchema> find(String id, int version) {
    return Optional.ofNullable(byKey.get(key(id, version)));
  }

  /** The schema a reference points to, only if its document hash matches too. */
  public Optional<CredentialSchema> find(SchemaRef ref) {
    return find(ref.id(), ref.version()).filter(s -> s.ref().equals(ref));
  }

  private static String key(String id, int version) {
    return id + "#" + version;
  }
}
