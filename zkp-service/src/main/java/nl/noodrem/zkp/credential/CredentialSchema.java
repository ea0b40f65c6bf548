package nl.noodrem.zkp.credential;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.noodrem.zkp.MalformedInputException;
import nl.noodrem.zkp.json.Json;
import nl.noodrem.zkp.trust.SchemaRecord;

/**
 * A credential schema: id, version and the ordered, typed attributes; attribute i is BBS message i.
 *
 * <p>Its canonical JSON document ({@link #canonicalJson()}, format {@value #FORMAT}) is what the chain's schema
 * registry anchors by SHA-256 ({@link #documentHash()}); the hash is also bound into every credential's BBS
 * header, so a credential can never be read against a different attribute list. Schemas are immutable: any change
 * is a new version.
 */
public record CredentialSchema(String id, int version, List<AttributeDefinition> attributes) {

  public static final String FORMAT = "noodrem-credential-schema/1";
  private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");
  private static final JsonFactory JSON = new JsonFactory();

  /**
   * @throws IllegalArgumentException for a bad id, a version below 1, no attributes or duplicate names
   */
  public CredentialSchema {
    Objects.requireNonNull(id, "id");
    attributes = List.copyOf(attributes);
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("schema id must be ASCII letters and digits, at most 64");
    }
    if (version < 1) {
      throw new IllegalArgumentException("schema version starts at 1");
    }
    if (attributes.isEmpty()) {
      throw new IllegalArgumentException("a schema has at least one attribute");
    }
    if (new HashSet<>(attributes.stream().map(AttributeDefinition::name).toList()).size() != attributes.size()) {
      throw new IllegalArgumentException("attribute names must be unique");
    }
  }

  /** The message index of an attribute. */
  public Optional<Integer> indexOf(String name) {
    for (int i = 0; i < attributes.size(); i++) {
      if (attributes.get(i).name().equals(name)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  public Optional<AttributeDefinition> attribute(String name) {
    return indexOf(name).map(attributes::get);
  }

  /**
   * The canonical document: UTF-8 JSON without insignificant whitespace, members in the order format, id,
   * version, attributes; each attribute as name, type and (enums only) values.
   */
  public byte[] canonicalJson() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      g.writeStringField("id", id);
      g.writeNumberField("version", version);
      g.writeArrayFieldStart("attributes");
      for (AttributeDefinition a : attributes) {
        g.writeStartObject();
        g.writeStringField("name", a.name());
        g.writeStringField("type", a.type().jsonName());
        if (a.type() == AttributeType.ENUM) {
          g.writeArrayFieldStart("values");
          for (String v : a.enumValues()) {
            g.writeString(v);
          }
          g.writeEndArray();
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return out.toByteArray();
  }

  /** SHA-256 of {@link #canonicalJson()}: what the chain registers. */
  public byte[] documentHash() {
    try {
      return MessageDigest.getInstance("SHA-256").digest(canonicalJson());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }

  public SchemaRef ref() {
    return new SchemaRef(id, version, documentHash());
  }

  /** The record the chain's schema registry holds for this schema. */
  public SchemaRecord toSchemaRecord() {
    return new SchemaRecord(id, version,
        attributes.stream().map(a -> new SchemaRecord.Attribute(a.name(), a.type().jsonName())).toList(),
        documentHash());
  }

  /** True when a registered record describes exactly this schema (same id, version, attributes and hash). */
  public boolean matches(SchemaRecord record) {
    return record.schemaId().equals(id)
        && record.version() == version
        && MessageDigest.isEqual(record.documentHash(), documentHash())
        && record.attributes().equals(toSchemaRecord().attributes());
  }

  /**
   * Reads a schema document (format {@value #FORMAT}).
   *
   * @throws MalformedInputException if it is not a valid schema document
   */
  public static CredentialSchema fromJson(String json) throws MalformedInputException {
    JsonNode root = Json.parseObject(json, "schema");
    Json.requireFormat(root, FORMAT);
    Json.allowOnly(root, "schema", "format", "id", "version", "attributes");
    String id = Json.text(root, "id");
    int version = Json.intValue(root, "version");
    JsonNode attrs = Json.array(root, "attributes");
    List<AttributeDefinition> definitions = new ArrayList<>();
    for (JsonNode a : attrs) {
      if (!a.isObject()) {
        throw new MalformedInputException("schema: attributes must be objects");
      }
      Json.allowOnly(a, "schema attribute", "name", "type", "values");
      String name = Json.text(a, "name");
      AttributeType type = AttributeType.fromJsonName(Json.text(a, "type"))
          .orElseThrow(() -> new MalformedInputException("schema: unknown attribute type"));
      List<String> values = new ArrayList<>();
      if (a.has("values")) {
        for (JsonNode v : Json.array(a, "values")) {
          if (!v.isTextual()) {
            throw new MalformedInputException("schema: enum values are strings");
          }
          values.add(v.asText());
        }
      }
      try {
        definitions.add(new AttributeDefinition(name, type, values));
      } catch (IllegalArgumentException e) {
        throw new MalformedInputException("schema: " + e.getMessage());
      }
    }
    try {
      return new CredentialSchema(id, version, definitions);
    } catch (IllegalArgumentException e) {
      throw new MalformedInputException("schema: " + e.getMessage());
    }
  }
}
