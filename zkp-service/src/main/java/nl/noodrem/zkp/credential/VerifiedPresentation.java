package nl.noodrem.zkp.credential;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import nl.noodrem.zkp.MalformedInputException;
import nl.noodrem.zkp.json.Json;
import nl.noodrem.zkp.keys.IssuerKeyId;

/**
 * The outcome of a successful verification: the disclosed values, typed, and who vouched for them.
 * {@code toString()} shows no values.
 *
 * @param issuerOin the OIN of the issuer as the trust directory knows the key
 * @param issuerName the issuer's display name from the trust directory
 */
public record VerifiedPresentation(
    SchemaRef schema,
    IssuerKeyId issuerKeyId,
    String issuerOin,
    String issuerName,
    String audience,
    Instant createdAt,
    Map<String, AttributeValue> disclosed) {

  public static final String FORMAT = "noodrem-bbs-verified-presentation/1";

  public VerifiedPresentation {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(issuerKeyId, "issuerKeyId");
    Objects.requireNonNull(issuerOin, "issuerOin");
    Objects.requireNonNull(issuerName, "issuerName");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(createdAt, "createdAt");
    disclosed = Collections.unmodifiableMap(new LinkedHashMap<>(disclosed));
  }

  public String string(String name) throws MalformedInputException {
    return value(name, AttributeValue.StringValue.class).value();
  }

  public LocalDate date(String name) throws MalformedInputException {
    return value(name, AttributeValue.DateValue.class).value();
  }

  public long integer(String name) throws MalformedInputException {
    return value(name, AttributeValue.IntegerValue.class).value();
  }

  public String enumeration(String name) throws MalformedInputException {
    return value(name, AttributeValue.EnumValue.class).value();
  }

  private <T extends AttributeValue> T value(String name, Class<T> type) throws MalformedInputException {
    AttributeValue v = disclosed.get(name);
    if (!type.isInstance(v)) {
      throw new MalformedInputException("attribute " + name + " was not disclosed as " + type.getSimpleName());
    }
    return type.cast(v);
  }

  /** A JSON report (format {@value #FORMAT}), for the command-line tool. Contains the disclosed values. */
  public String toJson() {
    ObjectNode n = Json.object();
    n.put("format", FORMAT);
    n.put("valid", true);
    n.set("schema", Documents.schemaRef(schema));
    n.put("issuerKeyId", issuerKeyId.value());
    n.put("issuerOin", issuerOin);
    n.put("issuerName", issuerName);
    n.put("audience", audience);
    n.put("createdAt", createdAt.toString());
    n.set("disclosed", Documents.values(disclosed));
    return Json.write(n);
  }

  @Override
  public String toString() {
    return "VerifiedPresentation[" + schema.id() + " v" + schema.version() + ", issuerKeyId=" + issuerKeyId
        + ", createdAt=" + createdAt + ", disclosed=" + disclosed.keySet() + "]";
  }
}
