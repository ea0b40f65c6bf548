package nl.noodrem.camel.config;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The municipal debt-help SOAP query.
 *
 * @param address the register's endpoint used for any municipality not in {@code addresses}
 * @param addresses per municipality OIN, its own register's endpoint (municipalities run different systems)
 */
@ConfigurationProperties("noodrem.legacy.debt-help-soap")
public record DebtHelpSoapProperties(
    boolean enabled, String address, Map<String, String> addresses, long connectTimeoutMs, long receiveTimeoutMs) {

  public DebtHelpSoapProperties {
    addresses = addresses == null ? Map.of() : Map.copyOf(addresses);
  }
}
