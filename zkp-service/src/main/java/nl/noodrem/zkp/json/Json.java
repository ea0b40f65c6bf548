package nl.noodrem.zkp.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Iterator;
import java.util.Set;
import nl.noodrem.zkp.MalformedInputException;

/**
 * Strict reading and writing of this module's JSON documents (internal helper, public only so that the sibling
 * packages can share it). Every reading failure is a {@link MalformedInputException} naming the document and the
 * member, never the value.
 *
 * <p>Binary values are base64url without padding (RFC 4648 section 5); dates are {@code yyyy-MM-dd}; instants
 * are ISO-8601 UTC ({@code 2025-03-01T12:00:00Z}).
 */
public final class Json {

  /**
   * Deepest nesting of objects and arrays a document may have (the root object counts as 1). Our documents
   * nest at most 4 deep (key store: root, keys, entry, kdf); Jackson's own default of 1000 is both far more than
   * needed and, when exceeded, reported without a location.
   */
  public static final int MAX_NESTING_DEPTH = 16;
  /**
   * Longest number, in characters, a document may hold. Our numbers are at most 64-bit integers (19 digits and a
   * sign); longer numbers are refused while parsing, before any conversion.
   */
  public static final int MAX_NUMBER_LENGTH = 32;

  private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder()
              .maxNestingDepth(MAX_NESTING_DEPTH)
              .maxNumberLength(MAX_NUMBER_LENGTH)
              .build())
          .build())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODER = Base64.getUrlDecoder();
  /** Documents larger than this are refused before parsing. */
  public static final int MAX_DOCUMENT_CHARS = 1 << 20;

  private Json() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static String write(JsonNode node) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain nodes always serialises", e);
    }
  }

  public static JsonNode parseObject(String json, String what) throws MalformedInputException {
    if (json == null || json.length() > MAX_DOCUMENT_CHARS) {
      throw new MalformedInputException(what + ": missing or too large");
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (StreamConstraintsException e) {
      // Thrown without a location; our message names the limit, never the value.
      throw new MalformedInputException(what + ": " + limitExceeded(e));
    } catch (JsonProcessingException e) {
      JsonLocation where = e.getLocation();
      throw new MalformedInputException(
          what + ": not valid JSON" + (where == null ? "" : " (line " + where.getLineNr() + ")"));
    }
    if (node == null || !node.isObject()) {
      throw new MalformedInputException(what + ": not a JSON object");
    }
    return node;
  }

  public static void requireFormat(JsonNode node, String format) throws MalformedInputException {
    JsonNode f = node.get("format");
    if (f == null || !f.isTextual() || !f.asText().equals(format)) {
      throw new MalformedInputException("expected a document of format " + format);
    }
  }

  /** Rejects members we do not know, so that typos and smuggled fields do not pass silently. */
  public static void allowOnly(JsonNode node, String what, String... names) throws MalformedInputException {
    Set<String> allowed = Set.of(names);
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name)) {
        throw new MalformedInputException(what + ": unknown member '" + printable(name) + "'");
      }
    }
  }

  public static JsonNode member(JsonNode node, String name) throws MalformedInputException {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      throw new MalformedInputException("missing member '" + name + "'");
    }
    return v;
  }

  public static String text(JsonNode node, String name) throws MalformedInputException {
    JsonNode v = member(node, name);
    if (!v.isTextual()) {
      throw new MalformedInputException("member '" + name + "' must be a string");
    }
    return v.asText();
  }

  public static int intValue(JsonNode node, String name) throws MalformedInputException {
    JsonNode v = member(node, name);
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new MalformedInputException("member '" + name + "' must be a 32-bit integer");
    }
    return v.intValue();
  }

  public static long longValue(JsonNode v, String name) throws MalformedInputException {
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new MalformedInputException("member '" + name + "' must be a 64-bit integer");
    }
    return v.longValue();
  }

  public static JsonNode array(JsonNode node, String name) throws MalformedInputException {
    JsonNode v = member(node, name);
    if (!v.isArray()) {
      throw new MalformedInputException("member '" + name + "' must be an array");
    }
    return v;
  }

  public static JsonNode objectMember(JsonNode node, String name) throws MalformedInputException {
    JsonNode v = member(node, name);
    if (!v.isObject()) {
      throw new MalformedInputException("member '" + name + "' must be an object");
    }
    return v;
  }

  public static String base64(byte[] octets) {
    return B64.encodeToString(octets);
  }

  public static byte[] bytes(JsonNode node, String name) throws MalformedInputException {
    String s = text(node, name);
    try {
      byte[] decoded = B64_DECODER.decode(s);
      if (!B64.encodeToString(decoded).equals(s)) {
        throw new MalformedInputException("member '" + name + "' is not canonical unpadded base64url");
      }
      return decoded;
    } catch (IllegalArgumentException e) {
      throw new MalformedInputException("member '" + name + "' is not base64url");
    }
  }

  public static byte[] bytes(JsonNode node, String name, int length) throws MalformedInputException {
    byte[] b = bytes(node, name);
    if (b.length != length) {
      throw new MalformedInputException("member '" + name + "' must be " + length + " octets");
    }
    return b;
  }

  public static Instant instant(JsonNode node, String name) throws MalformedInputException {
    String s = text(node, name);
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw new MalformedInputException("member '" + name + "' must be an ISO-8601 UTC instant");
    }
  }

  public static LocalDate date(String text, String name) throws MalformedInputException {
    try {
      LocalDate date = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
      if (date.getYear() < 1 || date.getYear() > 9999) {
        throw new MalformedInputException("member '" + name + "' must be a date in years 1..9999");
      }
      return date;
    } catch (DateTimeException e) {
      throw new MalformedInputException("member '" + name + "' must be a date yyyy-MM-dd");
    }
  }

  private static String limitExceeded(StreamConstraintsException e) {
    String jackson = String.valueOf(e.getOriginalMessage()).toLowerCase(java.util.Locale.ROOT);
    if (jackson.contains("nesting")) {
      return "nested deeper than " + MAX_NESTING_DEPTH + " levels";
    }
    if (jackson.contains("number")) {
      return "a number longer than " + MAX_NUMBER_LENGTH + " characters";
    }
    return "exceeds a size limit";
  }

  private static String printable(String s) {
    String cut = s.length() > 40 ? s.substring(0, 40) : s;
    return cut.replaceAll("[^A-Za-z0-9_$-]", "?");
  }
}
