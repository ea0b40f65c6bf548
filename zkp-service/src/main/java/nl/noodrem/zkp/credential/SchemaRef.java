package nl.noodrem.zkp.credential;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** A reference to a registered schema: id, version and the SHA-256 of its canonical document. */
public record SchemaRef(String id, int version, byte[] documentHash) {

  public SchemaRef {
    Objects.requireNonNull(id, "id");
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
    return o instanceof SchemaRef r
        && id.equals(r.id)
        && version == r.version
        && MessageDigest.isEqual(documentHash, r.documentHash);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, version, Arrays.hashCode(documentHash));
  }

  @Override
  public String toString() {
    return "SchemaRef[" + id + " v" + version + ", sha256=" + HexFormat.of().formatHex(documentHash) + "]";
  }
}
