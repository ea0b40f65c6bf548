package nl.noodrem.zkp.credential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import nl.noodrem.zkp.MalformedInputException;
import nl.noodrem.zkp.json.Json;

/**
 * A verifier's request for a presentation: which attributes of which schema to disclose, a fresh single-use
 * nonce, the verifier's audience identifier and a validity window. Format {@value #FORMAT}. Immutable.
 */
public record PresentationRequest(
    SchemaRef schema, List<String> disclose, byte[] nonce, String audience, Instant issuedAt, Instant expiresAt) {

  public static final String FORMAT = "noodrem-bbs-presentation-request/1";
  /** Nonce length this module issues and accepts. */
  public static final int NONCE_LENGTH = 32;
  public static final int MAX_AUDIENCE_OCTETS = 256;

  /** @throws IllegalArgumentException for duplicate names, a bad nonce or audience, or expiry not after issue */
  public PresentationRequest {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    disclose = List.copyOf(disclose);
    if (new HashSet<>(disclose).size() != disclose.size()) {
      throw new IllegalArgumentException("attributes to disclose must be distinct");
    }
    if (nonce == null || nonce.length != NONCE_LENGTH) {
      throw new IllegalArgumentException("nonce must be " + NONCE_LENGTH + " octets");
    }
    nonce = nonce.clone();
    int audienceOctets = audience.getBytes(StandardCharsets.UTF_8).length;
    if (audience.isBlank() || audienceOctets > MAX_AUDIENCE_OCTETS) {
      throw new IllegalArgumentException("audience must be 1.." + MAX_AUDIENCE_OCTETS + " octets");
    }
    if (!expiresAt.isAfter(issuedAt)) {
      throw new IllegalArgumentException("a request must expire after it was issued");
    }
  }

  @Override
  public byte[] nonce() {
    return nonce.clone();
  }

  /** The nonce as it appears in JSON (base64url), handy as a map key. */
  public String nonceText() {
    return Json.base64(nonce);
  }

  public String toJson() {
    ObjectNode n = Json.object();
    n.put("format", FORMAT);
    n.set("schema", Documents.schemaRef(schema));
    ArrayNode names = n.putArray("disclose");
    disclose.forEach(names::add);
    n.put("nonce", Json.base64(nonce));
    n.put("audience", audience);
    n.put("issuedAt", issuedAt.toString());
    n.put("expiresAt", expiresAt.toString());
    return Json.write(n);
  }

  public static PresentationRequest fromJson(String json) throws MalformedInputException {
    JsonNode root = Json.parseObject(json, "presentation request");
    Json.requireFormat(root, FORMAT);
    Json.allowOnly(root, "presentation request",
        "format", "schema", "disclose", "nonce", "audience", "issuedAt", "expiresAt");
    List<String> disclose = new ArrayList<>();
    for (JsonNode name : Json.array(root, "disclose")) {
      if (!name.isTextual()) {
        throw new MalformedInputException("presentation request: attribute names are strings");
      }
      disclose.add(name.asText());
    }
    try {
      return new PresentationRequest(
          Documents.schemaRef(root),
          disclose,
          Json.bytes(root, "nonce", NONCE_LENGTH),
          Json.text(root, "audience"),
          Json.instant(root, "issuedAt"),
          Json.instant(root, "expiresAt"));
    } catch (IllegalArgumentException e) {
      throw new MalformedInputException("presentation request: " + e.getMessage());
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PresentationRequest r
        && schema.equals(r.schema)
        && disclose.equals(r.disclose)
        && java.util.Arrays.equals(nonce, r.nonce)
        && audience.equals(r.audience)
        && issuedAt.equals(r.issuedAt)
        && expiresAt.equals(r.expiresAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(schema, disclose, java.util.Arrays.hashCode(nonce), audience, issuedAt, expiresAt);
  }

  @Override
  public String toString() {
    return "PresentationRequest[" + schema.id() + " v" + schema.version() + ", disclose=" + disclose
        + ", nonce=" + nonceText() + ", audience=" + audience + ", expiresAt=" + expiresAt + "]";
  }
}
