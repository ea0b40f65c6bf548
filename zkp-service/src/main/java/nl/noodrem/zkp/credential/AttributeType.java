package nl.noodrem.zkp.credential;

import java.util.Optional;

/**
 * How an attribute value becomes a BBS message scalar (see the module README, "Attribute encoding").
 *
 * <ul>
 *   <li>{@code string}: MapMessageToScalarAsHash of the UTF-8 octets of the (NFC-normalised) text.
 *   <li>{@code date}: the number of days since 1970-01-01 as an integer scalar, so that a range predicate
 *       ("validUntil &gt;= today") can be proven later without changing the encoding.
 *   <li>{@code integer}: a signed 64-bit value v as the scalar v mod r.
 *   <li>{@code enum}: the 0-based position of the value in the schema's list, as an integer scalar.
 * </ul>
 */
public enum AttributeType {
  STRING("string"),
  DATE("date"),
  INTEGER("integer"),
  ENUM("enum");

  private final String jsonName;

  AttributeType(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name used in schema documents and in the chain's schema registry. */
  public String jsonName() {
    return jsonName;
  }

  public static Optional<AttributeType> fromJsonName(String name) {
    for (AttributeType type : values()) {
      if (type.jsonName.equals(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
