package nl.noodrem.zkp.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import nl.noodrem.zkp.MalformedInputException;
import nl.noodrem.zkp.bbs.BbsPublicKey;
import nl.noodrem.zkp.json.Json;

/**
 * The public half of an issuer key, as exported for accreditation on chain: key id, issuer OIN and the 96-octet
 * compressed G2 public key ({@link #chainEncoding()}, the issuer registry's format). JSON format {@value #FORMAT}.
 */
public record IssuerPublicKey(IssuerKeyId keyId, BbsPublicKey publicKey, Instant createdAt) {

  public static final String FORMAT = "noodrem-bbs-public-key/1";

  public IssuerPublicKey {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** The 96 octets the chain's issuer registry stores. */
  public byte[] chainEncoding() {
    return publicKey.toBytes();
  }

  public String toJson() {
    ObjectNode n = Json.object();
    n.put("format", FORMAT);
    n.put("keyId", keyId.value());
    n.put("issuerOin", keyId.issuerOin().value());
    n.put("publicKey", Json.base64(publicKey.toBytes()));
    n.put("publicKeyHex", java.util.HexFormat.of().formatHex(publicKey.toBytes()));
    n.put("createdAt", createdAt.toString());
    return Json.write(n);
  }

  public static IssuerPublicKey fromJson(String json) throws MalformedInputException {
    JsonNode root = Json.parseObject(json, "public key");
    Json.requireFormat(root, FORMAT);
    Json.allowOnly(root, "public key", "format", "keyId", "issuerOin", "publicKey", "publicKeyHex", "createdAt");
    IssuerKeyId keyId = IssuerKeyId.parse(Json.text(root, "keyId"));
    if (!keyId.issuerOin().value().equals(Json.text(root, "issuerOin"))) {
      throw new MalformedInputException("public key: issuerOin does not match the key id");
    }
    byte[] octets = Json.bytes(root, "publicKey", BbsPublicKey.LENGTH);
    if (root.has("publicKeyHex")
        && !java.util.HexFormat.of().formatHex(octets).equals(Json.text(root, "publicKeyHex"))) {
      throw new MalformedInputException("public key: publicKey and publicKeyHex differ");
    }
    return new IssuerPublicKey(keyId, BbsPublicKey.fromBytes(octets), Json.instant(root, "createdAt"));
  }
}
