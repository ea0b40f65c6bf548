package nl.noodrem.app.api;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The API's clients. Keys are never stored: only their SHA-256, so a leaked configuration does not leak a key.
 *
 * @param clients client id → its key hash, organisation and role
 */
@ConfigurationProperties("noodrem.api")
public record ApiProperties(Map<String, Client> clients) {

  /** What a client may do. */
  public enum Role {
    /** A municipality's or debt counsellor's case system: status of brakes it is involved in. */
    PARTNER,
    /** CJIB operations: dead letters of the legacy bridges. */
    OPERATOR
  }

  /**
   * @param keySha256 lower-case hex SHA-256 of the client's API key
   * @param organisationOin the OIN of the organisation the client acts for
   * @param role what it may do
   */
  public record Client(String keySha256, String organisationOin, Role role) {}

  public ApiProperties {
    clients = clients == null ? Map.of() : Map.copyOf(clients);
  }
}
