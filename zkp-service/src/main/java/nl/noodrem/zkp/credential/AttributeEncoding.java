package nl.noodrem.zkp.credential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.noodrem.zkp.MalformedInputException;
import nl.noodrem.zkp.bbs.BbsCiphersuite;
import nl.noodrem.zkp.bbs.BbsScalar;
import nl.noodrem.zkp.json.Json;

/**
 * The fixed mapping from typed attribute values to BBS message scalars, and between values and JSON. See
 * {@link AttributeType} and the module README for the rules; any other implementation (a browser wallet) must
 * apply exactly these.
 */
public final class AttributeEncoding {

  /** Longest string attribute, in UTF-8 octets. */
  public static final int MAX_STRING_OCTETS = 4096;

  private AttributeEncoding() {}

  /**
   * The message scalar of one attribute value.
   *
   * @throws MalformedInputException if the value does not have the attribute's type or does not fit it (string
   *     not NFC or not valid Unicode or too long, date outside years 1..9999, enum value not in the schema)
   */
  public static BbsScalar encode(BbsCiphersuite suite, AttributeDefinition definition, AttributeValue value)
      throws MalformedInputException {
    if (value.type() != definition.type()) {
      throw new MalformedInputException("attribute " + definition.name() + " must be of type "
          + definition.type().jsonName());
    }
    if (value instanceof AttributeValue.StringValue s) {
      return suite.mapMessageToScalar(utf8(definition.name(), s.value()));
    }
    if (value instanceof AttributeValue.DateValue d) {
      return BbsScalar.ofLong(checkedDate(definition.name(), d.value()).toEpochDay());
    }
    if (value instanceof AttributeValue.IntegerValue i) {
      return BbsScalar.ofLong(i.value());
    }
    AttributeValue.EnumValue e = (AttributeValue.EnumValue) value;
    int index = definition.enumValues().indexOf(e.value());
    if (index < 0) {
      throw new MalformedInputException("attribute " + definition.name() + " has a value outside its enum");
    }
    return BbsScalar.ofLong(index);
  }

  /**
   * The message scalars of a complete attribute set, in schema order.
   *
   * @throws MalformedInputException if an attribute is missing, unknown or does not fit
   */
  public static List<BbsScalar> encodeAll(BbsCiphersuite suite, CredentialSchema schema,
      Map<String, AttributeValue> values) throws MalformedInputException {
    requireExactly(schema, values.keySet().stream().toList(), "attributes");
    List<BbsScalar> out = new ArrayList<>(schema.attributes().size());
    for (AttributeDefinition definition : schema.attributes()) {
      out.add(encode(suite, definition, values.get(definition.name())));
    }
    return out;
  }

  /** The values in schema order (a defensive, ordered copy), after checking that exactly the schema's names occur. */
  static Map<String, AttributeValue> ordered(CredentialSchema schema, Map<String, AttributeValue> values)
      throws MalformedInputException {
    requireExactly(schema, values.keySet().stream().toList(), "attributes");
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    for (AttributeDefinition d : schema.attributes()) {
      out.put(d.name(), values.get(d.name()));
    }
    return out;
  }

  private static void requireExactly(CredentialSchema schema, List<String> names, String what)
      throws MalformedInputException {
    for (String name : names) {
      if (schema.indexOf(name).isEmpty()) {
        throw new MalformedInputException(what + ": '" + name + "' is not in schema " + schema.id());
      }
    }
    for (AttributeDefinition d : schema.attributes()) {
      if (!names.contains(d.name())) {
        throw new MalformedInputException(what + ": '" + d.name() + "' is missing");
      }
    }
  }

  /** A value as JSON: strings and enums as strings, dates as yyyy-MM-dd, integers as numbers. */
  public static JsonNode toJson(AttributeValue value) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (value instanceof AttributeValue.StringValue s) {
      return f.textNode(s.value());
    }
    if (value instanceof AttributeValue.DateValue d) {
      return f.textNode(d.value().toString());
    }
    if (value instanceof AttributeValue.IntegerValue i) {
      return f.numberNode(i.value());
    }
    return f.textNode(((AttributeValue.EnumValue) value).value());
  }

  /** Reads a value of the attribute's type from JSON. */
  public static AttributeValue fromJson(AttributeDefinition definition, JsonNode node) throws MalformedInputException {
    String name = definition.name();
    switch (definition.type()) {
      case STRING -> {
        requireText(node, name);
        return AttributeValue.string(node.asText());
      }
      case DATE -> {
        requireText(node, name);
        return AttributeValue.date(Json.date(node.asText(), name));
      }
      case INTEGER -> {
        return AttributeValue.integer(Json.longValue(node, name));
      }
      case ENUM -> {
        requireText(node, name);
        return AttributeValue.enumeration(node.asText());
      }
      default -> throw new IllegalStateException("unknown attribute type");
    }
  }

  private static void requireText(JsonNode node, String name) throws MalformedInputException {
    if (!node.isTextual()) {
      throw new MalformedInputException("attribute " + name + " must be a JSON string");
    }
  }

  private static LocalDate checkedDate(String name, LocalDate date) throws MalformedInputException {
    if (date.getYear() < 1 || date.getYear() > 9999) {
      throw new MalformedInputException("attribute " + name + " must be a date in years 1..9999");
    }
    return date;
  }

  /** UTF-8 of NFC text; unpaired surrogates would otherwise collapse to '?' and make two texts one message. */
  private static byte[] utf8(String name, String text) throws MalformedInputException {
    if (!Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
      throw new MalformedInputException("attribute " + name + " must be Unicode NFC");
    }
    try {
      ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .encode(CharBuffer.wrap(text));
      byte[] octets = Arrays.copyOf(encoded.array(), encoded.limit());
      if (octets.length > MAX_STRING_OCTETS) {
        throw new MalformedInputException("attribute " + name + " is longer than " + MAX_STRING_OCTETS + " octets");
      }
      return octets;
    } catch (CharacterCodingException e) {
      throw new MalformedInputException("attribute " + name + " is not valid Unicode");
    }
  }
}
