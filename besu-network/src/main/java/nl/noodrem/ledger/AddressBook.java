package nl.noodrem.ledger;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the registries live: contract name to address, the one map every client reads (and the app's
 * health shows). Names are the contracts' names: {@value #ISSUER_REGISTRY}, {@value #SCHEMA_REGISTRY},
 * {@value #STATUS_LIST_REGISTRY}.
 */
public record AddressBook(Map<String, String> addresses) {

  public static final String ISSUER_REGISTRY = "IssuerRegistry";
  public static final String SCHEMA_REGISTRY = "SchemaRegistry";
  public static final String STATUS_LIST_REGISTRY = "StatusListRegistry";

  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

  public AddressBook {
    Objects.requireNonNull(addresses, "addresses");
    Map<String, String> copy = new LinkedHashMap<>();
    for (String name : new String[] {ISSUER_REGISTRY, SCHEMA_REGISTRY, STATUS_LIST_REGISTRY}) {
      String address = addresses.get(name);
      if (address == null || !ADDRESS.matcher(address).matches()) {
        throw new IllegalArgumentException("address book needs a 0x address for " + name + ", got " + address);
      }
      copy.put(name, address.toLowerCase(Locale.ROOT));
    }
    for (String name : addresses.keySet()) {
      if (!copy.containsKey(name)) {
        throw new IllegalArgumentException("unknown contract in address book: " + name);
      }
    }
    addresses = java.util.Collections.unmodifiableMap(copy);
  }

  public static AddressBook of(String issuerRegistry, String schemaRegistry, String statusListRegistry) {
    return new AddressBook(Map.of(
        ISSUER_REGISTRY, issuerRegistry, SCHEMA_REGISTRY, schemaRegistry, STATUS_LIST_REGISTRY, statusListRegistry));
  }

  public String issuerRegistry() {
    return addresses.get(ISSUER_REGISTRY);
  }

  public String schemaRegistry() {
    return addresses.get(SCHEMA_REGISTRY);
  }

  public String statusListRegistry() {
    return addresses.get(STATUS_LIST_REGISTRY);
  }
}
