package nl.noodrem.app.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Keys that keep BSNs out of process data. Secrets: empty in committed production configuration; the dev profile
 * sets development-only values.
 *
 * @param pseudonymKey base64 of at least 32 bytes: HMAC key for citizen pseudonyms (shared by all nodes)
 * @param sealingKey base64 of exactly 32 bytes: AES-256-GCM key for BSNs a long process must keep
 */
@ConfigurationProperties("noodrem.privacy")
public record PrivacyProperties(@DefaultValue("") String pseudonymKey, @DefaultValue("") String sealingKey) {}
