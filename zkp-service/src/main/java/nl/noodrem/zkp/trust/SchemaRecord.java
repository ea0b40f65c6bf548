package nl.noodrem.zkp.trust;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A credential schema as registered: ordered attributes and the SHA-256 hash of its JSON schema
 * document.
 *
 * @param schemaId e.g. {@code DebtAssistanceCredential}
 * @param version e.g. {@code 1}
 * @param attributes the attributes in message order (index i is BBS message i)
 * @param documentHash SHA-256 of the canonical JSON schema document, 32 octets
 */
public record SchemaRecord(String schemaId, int version, List<Attribute> attributes, byte[] documentHash) {

  /** One attribute: its name and its encoding type ({@code string}, {@code date}, {@code integer}, {@code enum}). */
  public record Attribute(String name, String type) {
    public Attribute {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
    }
  }

  public SchemaRecord {
    Objects.requireNonNull(schemaId, "schemaId");
    attributes = List.copyOf(attributes);
    if (documentHash == null || documentHash.length != 32) {
      throw new IllegalArgumentException("documentHash must be 32 octets");
    }
    documentHash = documentHash.clone();
  }

  @Override
  public byte[] documentHash() {
    return documentHash.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SchemaRecord r
        && schemaId.equals(r.schemaId)
        && version == r.version
        && attributes.equals(r.attributes)
        && Arrays.equals(documentHash, r.documentHash);
  }

  @Override
  public int hashCode() {
    return Objects.hash(schemaId, version, attributes, Arrays.hashCode(documentHash));
  }
}
