package nl.noodrem.zkp.credential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import nl.noodrem.zkp.MalformedInputException;
import nl.noodrem.zkp.bbs.BbsCiphersuite;
import nl.noodrem.zkp.json.Json;
import nl.noodrem.zkp.keys.IssuerKeyId;

/**
 * What a holder sends a verifier: the disclosed attribute values and a BBS proof that an accredited issuer signed
 * them (with the rest hidden), bound to the request's nonce and audience and to the moment it was made. Format
 * {@value #FORMAT}. Immutable; {@code toString()} shows no values.
 */
public record Presentation(
    BbsCiphersuite ciphersuite,
    SchemaRef schema,
    IssuerKeyId issuerKeyId,
    String audience,
    byte[] nonce,
    Instant createdAt,
    Map<String, AttributeValue> disclosed,
    byte[] proof) {

  public static final String FORMAT = "noodrem-bbs-presentation/1";
  /** Refuse absurd proofs before any work: 272 octets plus 32 per hidden attribute, at most 256 of them. */
  public static final int MAX_PROOF_OCTETS = 272 + 32 * 256;

  public Presentation {
    Objects.requireNonNull(ciphersuite, "ciphersuite");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(issuerKeyId, "issuerKeyId");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(createdAt, "createdAt");
    if (createdAt.getNano() != 0) {
      // the presentation header binds whole seconds; a fraction would be an unsigned, malleable detail
      throw new IllegalArgumentException("createdAt must be a whole second");
    }
    disclosed = Collections.unmodifiableMap(new LinkedHashMap<>(disclosed));
    if (nonce == null || nonce.length != PresentationRequest.NONCE_LENGTH) {
      throw new IllegalArgumentException("nonce must be " + PresentationRequest.NONCE_LENGTH + " octets");
    }
    nonce = nonce.clone();
    if (proof == null || proof.length > MAX_PROOF_OCTETS) {
      throw new IllegalArgumentException("proof missing or too large");
    }
    proof = proof.clone();
  }

  @Override
  public byte[] nonce() {
    return nonce.clone();
  }

  @Override
  public byte[] proof() {
    return proof.clone();
  }

  public String toJson() {
    ObjectNode n = Json.object();
    n.put("format", FORMAT);
    n.put("ciphersuite", ciphersuite.displayName());
    n.set("schema", Documents.schemaRef(schema));
    n.put("issuerKeyId", issuerKeyId.value());
    n.put("audience", audience);
    n.put("nonce", Json.base64(nonce));
    n.put("createdAt", createdAt.toString());
    n.set("disclosed", Documents.values(disclosed));
    n.put("proof", Json.base64(proof));
    return Json.write(n);
  }

  /** Reads a presentation; the schema must be known (id, version and hash) to type the disclosed values. */
  public static Presentation fromJson(String json, KnownSchemas schemas) throws MalformedInputException {
    JsonNode root = Json.parseObject(json, "presentation");
    Json.requireFormat(root, FORMAT);
    Json.allowOnly(root, "presentation", "format", "ciphersuite", "schema", "issuerKeyId", "audience", "nonce",
        "createdAt", "disclosed", "proof");
    SchemaRef ref = Documents.schemaRef(root);
    CredentialSchema schema = Documents.knownSchema(schemas, ref);
    byte[] proof = Json.bytes(root, "proof");
    if (proof.length > MAX_PROOF_OCTETS) {
      throw new MalformedInputException("presentation: proof too large");
    }
    try {
      return new Presentation(
          Documents.ciphersuite(root),
          ref,
          Documents.keyId(root),
          Json.text(root, "audience"),
          Json.bytes(root, "nonce", PresentationRequest.NONCE_LENGTH),
          Json.instant(root, "createdAt"),
          Documents.values(root, "disclosed", schema),
          proof);
    } catch (IllegalArgumentException e) {
      throw new MalformedInputException("presentation: " + e.getMessage());
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Presentation p
        && ciphersuite == p.ciphersuite
        && schema.equals(p.schema)
        && issuerKeyId.equals(p.issuerKeyId)
        && audience.equals(p.audience)
        && java.util.Arrays.equals(nonce, p.nonce)
        && createdAt.equals(p.createdAt)
        && disclosed.equals(p.disclosed)
        && java.util.Arrays.equals(proof, p.proof);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ciphersuite, schema, issuerKeyId, audience, createdAt, java.util.Arrays.hashCode(proof));
  }

  @Override
  public String toString() {
    return "Presentation[" + schema.id() + " v" + schema.version() + ", issuerKeyId=" + issuerKeyId
        + ", audience=" + audience + ", createdAt=" + createdAt + ", disclosed=" + disclosed.keySet() + "]";
  }
}
