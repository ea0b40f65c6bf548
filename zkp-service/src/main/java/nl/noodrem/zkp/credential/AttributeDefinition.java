package nl.noodrem.zkp.credential;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One attribute of a credential schema: its name, its encoding type and, for enums, the allowed values in their
 * fixed order (the order is part of the encoding).
 */
public record AttributeDefinition(String name, AttributeType type, List<String> enumValues) {

  private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,63}");
  private static final Pattern ENUM_VALUE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

  /**
   * @throws IllegalArgumentException for an invalid name, enum values on a non-enum, or an empty, duplicate or
   *     badly formed enum list
   */
  public AttributeDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    enumValues = List.copyOf(enumValues);
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("attribute name must be lowerCamelCase ASCII, at most 64 characters");
    }
    if (type == AttributeType.ENUM) {
      if (enumValues.isEmpty() || new HashSet<>(enumValues).size() != enumValues.size()) {
        throw new IllegalArgumentException("enum attribute " + name + " needs distinct values");
      }
      for (String value : enumValues) {
        if (!ENUM_VALUE.matcher(value).matches()) {
          throw new IllegalArgumentException("enum values are UPPER_SNAKE_CASE ASCII");
        }
      }
    } else if (!enumValues.isEmpty()) {
      throw new IllegalArgumentException("only enum attributes list values");
    }
  }

  public static AttributeDefinition string(String name) {
    return new AttributeDefinition(name, AttributeType.STRING, List.of());
  }

  public static AttributeDefinition date(String name) {
    return new AttributeDefinition(name, AttributeType.DATE, List.of());
  }

  public static AttributeDefinition integer(String name) {
    return new AttributeDefinition(name, AttributeType.INTEGER, List.of());
  }

  public static AttributeDefinition enumeration(String name, List<String> values) {
    return new AttributeDefinition(name, AttributeType.ENUM, values);
  }
}
