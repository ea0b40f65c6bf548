package nl.noodrem.zkp.credential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.noodrem.zkp.MalformedInputException;
import nl.noodrem.zkp.bbs.BbsCiphersuite;
import nl.noodrem.zkp.json.Json;
import nl.noodrem.zkp.keys.IssuerKeyId;

/** JSON pieces shared by the credential, request and presentation documents. */
final class Documents {

  private Documents() {}

  static ObjectNode schemaRef(SchemaRef ref) {
    ObjectNode n = Json.object();
    n.put("id", ref.id());
    n.put("version", ref.version());
    n.put("sha256", HexFormat.of().formatHex(ref.documentHash()));
    return n;
  }

  static SchemaRef schemaRef(JsonNode parent) throws MalformedInputException {
    JsonNode n = Json.objectMember(parent, "schema");
    Json.allowOnly(n, "schema reference", "id", "version", "sha256");
    String hex = Json.text(n, "sha256");
    if (!hex.matches("[0-9a-f]{64}")) {
      throw new MalformedInputException("schema sha256 must be 64 lower-case hex digits");
    }
    try {
      return new SchemaRef(Json.text(n, "id"), Json.intValue(n, "version"), HexFormat.of().parseHex(hex));
    } catch (IllegalArgumentException e) {
      throw new MalformedInputException("schema reference: " + e.getMessage());
    }
  }

  static BbsCiphersuite ciphersuite(JsonNode parent) throws MalformedInputException {
    return BbsCiphersuite.byName(Json.text(parent, "ciphersuite"))
        .orElseThrow(() -> new MalformedInputException("unknown ciphersuite"));
  }

  static IssuerKeyId keyId(JsonNode parent) throws MalformedInputException {
    return IssuerKeyId.parse(Json.text(parent, "issuerKeyId"));
  }

  static ObjectNode values(Map<String, AttributeValue> values) {
    ObjectNode n = Json.object();
    values.forEach((name, value) -> n.set(name, AttributeEncoding.toJson(value)));
    return n;
  }

  /** Typed values of the named attributes, in schema order; names must be schema attributes. */
  static Map<String, AttributeValue> values(JsonNode parent, String member, CredentialSchema schema)
      throws MalformedInputException {
    JsonNode n = Json.objectMember(parent, member);
    Map<String, AttributeValue> read = new LinkedHashMap<>();
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      AttributeDefinition definition = schema.attribute(name)
          .orElseThrow(() -> new MalformedInputException(member + ": an attribute is not in the schema"));
      read.put(name, AttributeEncoding.fromJson(definition, n.get(name)));
    }
    Map<String, AttributeValue> ordered = new LinkedHashMap<>();
    for (AttributeDefinition d : schema.attributes()) {
      if (read.containsKey(d.name())) {
        ordered.put(d.name(), read.get(d.name()));
      }
    }
    return ordered;
  }

  static CredentialSchema knownSchema(KnownSchemas schemas, SchemaRef ref) throws MalformedInputException {
    return schemas.find(ref).orElseThrow(() ->
        new MalformedInputException("schema " + ref.id() + " v" + ref.version() + " with this hash is not known"));
  }
}
