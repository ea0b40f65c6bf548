package nl.noodrem.camel.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Only read when the app provides no {@code BsnPseudonymizer} bean of its own.
 *
 * @param pseudonymKey base64 of at least 32 random bytes; shared by all app nodes; a secret, never
 *     committed
 */
@ConfigurationProperties("noodrem.privacy")
public record PrivacyProperties(String pseudonymKey) {}
