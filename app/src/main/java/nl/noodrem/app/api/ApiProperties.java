package nl.noodrem.app.api;

import java.net.URI;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The API's clients and where it is published. Keys are never stored: only their SHA-256, so a leaked
 * configuration does not leak a key.
 *
 * @param clients client id → its key hash, organisation and role
 * @param baseUrl the public URL of the API's current major version, e.g. {@code https://noodrem.example/api/v1}:
 *     the OpenAPI document's server (Dutch API Design Rules, /core/uri-version). Absolute, ending in
 *     {@code /api/v}<i>major</i>, no trailing slash.
 * @param contact who answers partners' questions about the API (the OpenAPI document's {@code info.contact})
 */
@ConfigurationProperties("noodrem.api")
public record ApiProperties(Map<String, Client> clients, URI baseUrl, Contact contact) {

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

  /** The API's contact: all three are required by the Dutch API Design Rules (/core/doc-openapi-contact). */
  public record Contact(String name, URI url, String email) {
    public Contact {
      if (name == null || name.isBlank() || url == null || !url.isAbsolute() || email == null
          || !email.matches("[^@\\s]+@[^@\\s]+")) {
        throw new IllegalArgumentException("noodrem.api.contact needs a name, an absolute url and an email address");
      }
    }
  }

  public ApiProperties {
    clients = clients == null ? Map.of() : Map.copyOf(clients);
    if (baseUrl == null || !baseUrl.isAbsolute() || baseUrl.getPath() == null
        || !baseUrl.getPath().endsWith(ApiVersion.BASE_PATH)) {
      throw new IllegalArgumentException("noodrem.api.base-url must be an absolute URL ending in "
          + ApiVersion.BASE_PATH + " (the API's major version, no trailing slash), got " + baseUrl);
    }
    if (contact == null) {
      throw new IllegalArgumentException("noodrem.api.contact (name, url, email) is required");
    }
  }
}
