package nl.noodrem.ledger;

import java.util.List;

/** The schema registry's AttributeType enum (uint8 on chain) and zkp-service's attribute type names. */
final class AttributeTypes {

  /** In the order of the Solidity enum: String, Integer, Date, Enum. */
  private static final List<String> NAMES = List.of("string", "integer", "date", "enum");

  private AttributeTypes() {}

  static String name(int code) {
    if (code < 0 || code >= NAMES.size()) {
      throw new LedgerUnavailableException("schema registry returned unknown attribute type " + code);
    }
    return NAMES.get(code);
  }

  static int code(String name) {
    int code = NAMES.indexOf(name);
    if (code < 0) {
      throw new IllegalArgumentException("attribute type must be one of " + NAMES + ", got " + name);
    }
    return code;
  }
}
