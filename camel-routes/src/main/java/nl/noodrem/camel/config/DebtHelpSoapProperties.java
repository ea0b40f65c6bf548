package nl.noodrem.camel.config;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The municipal debt-help SOAP query.
 *
 * @param address the register's endpoint used for any municipality not in {@code addresses}
 * @param addresses per municipality OIN, its own register's endpoint (municipalities run different systems)
 * @param tls mutual TLS: Noodrem's client certificate and the registers' trust; empty: none
 */
@ConfigurationProperties("noodrem.legacy.debt-help-soap")
public record DebtHelpSoapProperties(
    boolean enabled, String address, Map<String, String> addresses, long connectTimeoutMs, long receiveTimeoutMs,
    Tls tls) {

  /**
   * @param keyStore PKCS#12 (or {@code keyStoreType}) file with Noodrem's client key and certificate chain
   * @param trustStore the registers' server certificates (or their CA); empty: the JVM's default trust
   */
  public record Tls(String keyStore, String keyStorePassword, String keyStoreType, String trustStore,
      String trustStorePassword) {}

  public DebtHelpSoapProperties {
    addresses = addresses == null ? Map.of() : Map.copyOf(addresses);
  }
}
