package nl.noodrem.zkp.credential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import nl.noodrem.zkp.MalformedInputException;
import nl.noodrem.zkp.bbs.Bbs;
import nl.noodrem.zkp.bbs.BbsCiphersuite;
import nl.noodrem.zkp.bbs.BbsPublicKey;
import nl.noodrem.zkp.json.Json;
import nl.noodrem.zkp.keys.IssuerKeyId;

/**
 * An issued credential as the holder keeps it: the attribute values, the issuer's BBS signature over them,
 * references to the schema and the issuer key, and a copy of the issuer's public key so that a wallet can make
 * proofs offline. Verifiers never trust that copy: they take the key from the trust directory by key id. Format
 * {@value #FORMAT}; see the README.
 *
 * <p>Immutable. {@code toString()} shows no attribute values.
 */
public record Credential(
    BbsCiphersuite ciphersuite,
    SchemaRef schema,
    IssuerKeyId issuerKeyId,
    BbsPublicKey issuerPublicKey,
    Instant issuedAt,
    Map<String, AttributeValue> attributes,
    byte[] signature) {

  public static final String FORMAT = "noodrem-bbs-credential/1";

  public Credential {
    Objects.requireNonNull(ciphersuite, "ciphersuite");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(issuerKeyId, "issuerKeyId");
    Objects.requireNonNull(issuerPublicKey, "issuerPublicKey");
    Objects.requireNonNull(issuedAt, "issuedAt");
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    if (signature == null || signature.length != Bbs.SIGNATURE_LENGTH) {
      throw new IllegalArgumentException("signature must be " + Bbs.SIGNATURE_LENGTH + " octets");
    }
    signature = signature.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  public String toJson() {
    ObjectNode n = Json.object();
    n.put("format", FORMAT);
    n.put("ciphersuite", ciphersuite.displayName());
    n.set("schema", Documents.schemaRef(schema));
    n.put("issuerKeyId", issuerKeyId.value());
    n.put("issuerPublicKey", Json.base64(issuerPublicKey.toBytes()));
    n.put("issuedAt", issuedAt.toString());
    n.set("attributes", Documents.values(attributes));
    n.put("signature", Json.base64(signature));
    return Json.write(n);
  }

  /**
   * Reads a credential document. The schema must be one of {@code schemas} (same id, version and hash) and every
   * attribute must be present with a value of its type. The signature is not checked here (see
   * {@link CredentialVerifier}).
   */
  public static Credential fromJson(String json, KnownSchemas schemas) throws MalformedInputException {
    JsonNode root = Json.parseObject(json, "credential");
    Json.requireFormat(root, FORMAT);
    Json.allowOnly(root, "credential",
        "format", "ciphersuite", "schema", "issuerKeyId", "issuerPublicKey", "issuedAt", "attributes", "signature");
    SchemaRef ref = Documents.schemaRef(root);
    CredentialSchema schema = Documents.knownSchema(schemas, ref);
    Map<String, AttributeValue> values = Documents.values(root, "attributes", schema);
    AttributeEncoding.ordered(schema, values); // every attribute present
    try {
      return new Credential(
          Documents.ciphersuite(root),
          ref,
          Documents.keyId(root),
          BbsPublicKey.fromBytes(Json.bytes(root, "issuerPublicKey", BbsPublicKey.LENGTH)),
          Json.instant(root, "issuedAt"),
          values,
          Json.bytes(root, "signature", Bbs.SIGNATURE_LENGTH));
    } catch (IllegalArgumentException e) {
      throw new MalformedInputException("credential: " + e.getMessage());
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Credential c
        && ciphersuite == c.ciphersuite
        && schema.equals(c.schema)
        && issuerKeyId.equals(c.issuerKeyId)
        && issuerPublicKey.equals(c.issuerPublicKey)
        && issuedAt.equals(c.issuedAt)
        && attributes.equals(c.attributes)
        && java.util.Arrays.equals(signature, c.signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ciphersuite, schema, issuerKeyId, issuedAt, java.util.Arrays.hashCode(signature));
  }

  @Override
  public String toString() {
    return "Credential[" + schema.id() + " v" + schema.version() + ", issuerKeyId=" + issuerKeyId
        + ", issuedAt=" + issuedAt + ", " + attributes.size() + " attributes redacted]";
  }
}
