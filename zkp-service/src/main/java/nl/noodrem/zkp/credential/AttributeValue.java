package nl.noodrem.zkp.credential;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A typed attribute value. Values are personal data: {@code toString()} never shows them.
 */
public sealed interface AttributeValue
    permits AttributeValue.StringValue, AttributeValue.DateValue, AttributeValue.IntegerValue,
        AttributeValue.EnumValue {

  AttributeType type();

  static AttributeValue string(String value) {
    return new StringValue(value);
  }

  static AttributeValue date(LocalDate value) {
    return new DateValue(value);
  }

  static AttributeValue integer(long value) {
    return new IntegerValue(value);
  }

  static AttributeValue enumeration(String value) {
    return new EnumValue(value);
  }

  /** Text, encoded by hashing its UTF-8 octets. */
  record StringValue(String value) implements AttributeValue {
    public StringValue {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public AttributeType type() {
      return AttributeType.STRING;
    }

    @Override
    public String toString() {
      return "StringValue[redacted]";
    }
  }

  /** A calendar date, encoded as days since 1970-01-01. */
  record DateValue(LocalDate value) implements AttributeValue {
    public DateValue {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public AttributeType type() {
      return AttributeType.DATE;
    }

    @Override
    public String toString() {
      return "DateValue[redacted]";
    }
  }

  /** A signed 64-bit integer, encoded as the scalar value mod r. */
  record IntegerValue(long value) implements AttributeValue {
    @Override
    public AttributeType type() {
      return AttributeType.INTEGER;
    }

    @Override
    public String toString() {
      return "IntegerValue[redacted]";
    }
  }

  /** One of the schema's enum values, encoded by its position in the schema. */
  record EnumValue(String value) implements AttributeValue {
    public EnumValue {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public AttributeType type() {
      return AttributeType.ENUM;
    }

    @Override
    public String toString() {
      return "EnumValue[redacted]";
    }
  }
}
