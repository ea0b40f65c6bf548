package nl.noodrem.digid;

import java.security.KeyStore;
import java.time.Duration;
import java.util.Objects;
import nl.noodrem.digid.tls.KeyMaterial.KeyEntry;

/**
 * Everything the service provider core needs, already resolved (keys loaded, URLs built). The Spring layer
 * builds it from {@code noodrem.digid.*}; tests build it directly.
 *
 * @param entityId our SAML entityID
 * @param acsUrl the absolute URL of our assertion consumer service (HTTP-Artifact)
 * @param signingKey signs AuthnRequests, ArtifactResolves and our metadata
 * @param tlsClientKey presented to the IdP's artifact resolution service (mutual TLS)
 * @param tlsTrustStore the CA(s) or certificate(s) the IdP's TLS server certificate must chain to
 * @param assertionConsumerServiceIndex when non-null the AuthnRequest names the ACS by this index instead
 *     of by URL and binding
 * @param attributeConsumingServiceIndex sent when non-null (DigiD uses it to pick the service shown)
 * @param forceAuthn send {@code ForceAuthn="true"}: DigiD asks the citizen again even within its own
 *     session, so on a shared computer the next login is never silently the previous citizen
 * @param clockSkew tolerance on every time comparison
 * @param requestLifetime how long a login may take between AuthnRequest and artifact
 * @param messageMaxAge how old an ArtifactResponse, Response or Assertion may be when it arrives
 * @param maxAssertionLifetime the longest validity window accepted (bounds the replay cache)
 * @param maxSessionDuration absolute session length, whatever the activity
 * @param artifactResolutionContentType {@code text/xml; charset=utf-8} (SOAP 1.1) or what the IdP wants
 */
public record ServiceProviderConfig(
    String entityId,
    String acsUrl,
    KeyEntry signingKey,
    KeyEntry tlsClientKey,
    KeyStore tlsTrustStore,
    AuthnRequestBinding requestBinding,
    Integer assertionConsumerServiceIndex,
    Integer attributeConsumingServiceIndex,
    boolean forceAuthn,
    Duration clockSkew,
    Duration requestLifetime,
    Duration messageMaxAge,
    Duration maxAssertionLifetime,
    Duration maxSessionDuration,
    String artifactResolutionContentType,
    Duration connectTimeout,
    Duration readTimeout,
    int maxResponseBytes) {

  public ServiceProviderConfig {
    Objects.requireNonNull(entityId, "entityId");
    Objects.requireNonNull(acsUrl, "acsUrl");
    Objects.requireNonNull(signingKey, "signingKey");
    Objects.requireNonNull(tlsClientKey, "tlsClientKey");
    Objects.requireNonNull(tlsTrustStore, "tlsTrustStore");
    Objects.requireNonNull(requestBinding, "requestBinding");
    Objects.requireNonNull(clockSkew, "clockSkew");
    Objects.requireNonNull(requestLifetime, "requestLifetime");
    Objects.requireNonNull(messageMaxAge, "messageMaxAge");
    Objects.requireNonNull(maxAssertionLifetime, "maxAssertionLifetime");
    Objects.requireNonNull(maxSessionDuration, "maxSessionDuration");
    Objects.requireNonNull(artifactResolutionContentType, "artifactResolutionContentType");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    if (!acsUrl.startsWith("https://") && !acsUrl.startsWith("http://")) {
      throw new IllegalArgumentException("acsUrl must be absolute");
    }
    if (maxResponseBytes < 4096) {
      throw new IllegalArgumentException("maxResponseBytes must be at least 4096");
    }
    if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException("clockSkew must be between 0 and 5 minutes");
    }
  }

  /**
   * Our SingleLogoutService for the HTTP-Redirect binding: beside the ACS ({@code …/digid/slo} for {@code
   * …/digid/acs}). DigiD sends the LogoutResponse to a logout we started here.
   */
  public String singleLogoutUrl() {
    return acsUrl.substring(0, acsUrl.lastIndexOf('/')) + "/slo";
  }

  /** Our SingleLogoutService for the SOAP binding (the IdP's back channel): {@code …/digid/slo/soap}. */
  public String singleLogoutSoapUrl() {
    return singleLogoutUrl() + "/soap";
  }

  /** Defaults as documented in the README; keys and URLs must be supplied. */
  public static ServiceProviderConfig withDefaults(
      String entityId, String acsUrl, KeyEntry signingKey, KeyEntry tlsClientKey, KeyStore tlsTrustStore) {
    return new ServiceProviderConfig(
        entityId,
        acsUrl,
        signingKey,
        tlsClientKey,
        tlsTrustStore,
        AuthnRequestBinding.REDIRECT,
        null,
        null,
        true,
        Duration.ofSeconds(30),
        Duration.ofMinutes(15),
        Duration.ofMinutes(5),
        Duration.ofMinutes(30),
        Duration.ofHours(2),
        "text/xml; charset=utf-8",
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        256 * 1024);
  }
}
