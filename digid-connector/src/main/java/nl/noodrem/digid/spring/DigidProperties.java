package nl.noodrem.digid.spring;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.noodrem.digid.AuthnRequestBinding;
import nl.noodrem.digid.DigidLevel;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code noodrem.digid.*}: the DigiD service provider's configuration. Secrets (passwords) stay empty in
 * committed files; the README lists every property with its default.
 *
 * @param enabled switches the whole connector off
 * @param entityId our SAML entityID as registered at Logius
 * @param baseUrl the public URL of the app (scheme, host, port, context path), e.g.
 *     {@code https://noodrem.example.nl}; the ACS is {@code baseUrl + /digid/acs}
 * @param defaultLevel the level requested when the login names none (the brake's: Substantieel)
 * @param uses level per use, selectable as {@code /digid/login?level=<use>}; {@code brake} is always
 *     present (default Substantieel)
 * @param pathLevels the level the entry point and the access-denied handler ask for per path pattern
 *     (Spring {@code PathPattern} syntax, e.g. {@code /brake/**}); the highest matching level wins
 * @param forceAuthn send {@code ForceAuthn="true"} so DigiD asks again even inside its own session (on a
 *     shared computer the next login is never silently the previous citizen); on by default
 * @param singleLogout on {@code POST /digid/logout}, also end the DigiD session (SAML single logout over
 *     HTTP-Redirect) when the IdP's metadata offers it; the SOAP back channel is always served
 * @param logoutRedirect local path after {@code POST /digid/logout}
 * @param cancelLandingPath where the entry point sends a cancelled login whose return path is itself
 *     protected (it would otherwise start DigiD again at once and the citizen would never see the message)
 */
@ConfigurationProperties("noodrem.digid")
public record DigidProperties(
    @DefaultValue("true") boolean enabled,
    String entityId,
    String baseUrl,
    @DefaultValue("SUBSTANTIEEL") DigidLevel defaultLevel,
    Map<String, DigidLevel> uses,
    Map<String, DigidLevel> pathLevels,
    @DefaultValue("REDIRECT") AuthnRequestBinding requestBinding,
    Integer assertionConsumerServiceIndex,
    Integer attributeConsumingServiceIndex,
    @DefaultValue("true") boolean forceAuthn,
    @DefaultValue("true") boolean singleLogout,
    @DefaultValue("30s") Duration clockSkew,
    @DefaultValue("15m") Duration requestLifetime,
    @DefaultValue("5m") Duration messageMaxAge,
    @DefaultValue("30m") Duration maxAssertionLifetime,
    @DefaultValue("/") String logoutRedirect,
    @DefaultValue("/") String cancelLandingPath,
    @DefaultValue Session session,
    @DefaultValue Sp sp,
    @DefaultValue Idp idp,
    @DefaultValue ArtifactResolution artifactResolution,
    @DefaultValue Metadata metadata,
    @DefaultValue Store store) {

  public DigidProperties {
    Map<String, DigidLevel> merged = new LinkedHashMap<>();
    merged.put("brake", DigidLevel.SUBSTANTIEEL);
    if (uses != null) {
      merged.putAll(uses);
    }
    uses = Map.copyOf(merged);
    pathLevels = pathLevels == null ? Map.of() : Map.copyOf(pathLevels);
  }

  /**
   * @param idleTimeout the HTTP session of a logged-in citizen ends after this much inactivity
   * @param maxDuration absolute session length, whatever the activity
   * @param bindingCookieName the cookie binding a login to the browser that started it
   */
  public record Session(
      @DefaultValue("15m") Duration idleTimeout,
      @DefaultValue("2h") Duration maxDuration,
      @DefaultValue("NOODREM_DIGID_BINDING") String bindingCookieName) {}

  /**
   * Our keys. Locations are Spring resource strings ({@code file:/etc/noodrem/digid-sp.p12}). When the TLS
   * keystore is empty the signing keystore is used for TLS too (one PKIoverheid certificate for both).
   */
  public record Sp(
      String signingKeystore,
      String signingKeystorePassword,
      @DefaultValue("PKCS12") String signingKeystoreType,
      String signingKeyAlias,
      String signingKeyPassword,
      String tlsKeystore,
      String tlsKeystorePassword,
      @DefaultValue("PKCS12") String tlsKeystoreType,
      String tlsKeyAlias,
      String tlsKeyPassword) {}

  /**
   * The IdP, configured by its metadata alone.
   *
   * @param metadataLocation {@code https://...}, {@code file:...} or {@code classpath:...}
   * @param entityId picks the IdP when the metadata holds several
   * @param metadataSigningCertificate PEM location; when set the metadata must be signed by it
   * @param signingCertificateSha256 when set, the IdP signing certificate(s) must have one of these
   *     SHA-256 fingerprints (pinning across refreshes)
   * @param truststore PKCS#12 or PEM location of the CA(s) for the IdP's TLS server certificate (artifact
   *     resolution and an {@code https} metadata URL); PKIoverheid roots in production
   */
  public record Idp(
      String metadataLocation,
      String entityId,
      @DefaultValue("1h") Duration metadataRefreshInterval,
      String metadataSigningCertificate,
      List<String> signingCertificateSha256,
      String truststore,
      String truststorePassword,
      @DefaultValue("PKCS12") String truststoreType) {

    public Idp {
      signingCertificateSha256 = signingCertificateSha256 == null ? List.of() : List.copyOf(signingCertificateSha256);
    }
  }

  /**
   * @param contentType the Content-Type of the SOAP request; SOAP 1.1 says {@code text/xml}, some
   *     endpoints want {@code application/soap+xml}
   */
  public record ArtifactResolution(
      @DefaultValue("text/xml; charset=utf-8") String contentType,
      @DefaultValue("5s") Duration connectTimeout,
      @DefaultValue("10s") Duration readTimeout,
      @DefaultValue("262144") int maxResponseBytes) {}

  /** What our SP metadata says about us. */
  public record Metadata(
      String organizationName, String organizationUrl, String technicalContactEmail, @DefaultValue("365d") Duration validity) {}

  /**
   * @param initializeSchema run {@code classpath:db/digid/schema.sql} (idempotent) at start
   * @param maxPendingRequests the bound on logins in flight (a flood of /digid/login is refused beyond it)
   * @param purgeInterval how often expired rows are deleted
   */
  public record Store(
      @DefaultValue("true") boolean initializeSchema,
      @DefaultValue("100000") int maxPendingRequests,
      @DefaultValue("1m") Duration purgeInterval) {}
}
