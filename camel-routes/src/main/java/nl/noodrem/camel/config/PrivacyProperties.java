package nl.noodrem.camel.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pseudonymKey base64 of at least 32 random bytes; shared by all app nodes; a secret, never
 *     committed. Only read when the app provides no {@code BsnPseudonymizer} bean of its own.
 * @param sealingKey base64 of 32 random bytes (the app's sealing key); dead-letter payloads are sealed
 *     with a key derived from it. Required; a secret, never committed.
 */
@ConfigurationProperties("noodrem.privacy")
public record PrivacyProperties(String pseudonymKey, String sealingKey) {}
