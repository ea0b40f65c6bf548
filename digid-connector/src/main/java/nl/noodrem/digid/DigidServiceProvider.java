package nl.noodrem.digid;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;
import nl.noodrem.digid.saml.ArtifactResolver;
import nl.noodrem.digid.saml.ArtifactResponseValidator;
import nl.noodrem.digid.saml.AuthnRequestFactory;
import nl.noodrem.digid.saml.IdpMetadata;
import nl.noodrem.digid.saml.IdpMetadataProvider;
import nl.noodrem.digid.saml.OpenSaml;
import nl.noodrem.digid.saml.PostBinding;
import nl.noodrem.digid.saml.RedirectBinding;
import nl.noodrem.digid.saml.Saml2Artifact;
import nl.noodrem.digid.saml.SamlSigner;
import nl.noodrem.digid.saml.SecureXml;
import nl.noodrem.digid.store.AuthnRequestStore;
import nl.noodrem.digid.store.PendingAuthnRequest;
import nl.noodrem.digid.store.ReplayCache;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DigiD service provider, free of any web framework: {@link #startLogin} makes the signed AuthnRequest
 * and remembers it; {@link #completeLogin} takes what arrives at the ACS, resolves the artifact once and at
 * once, validates the answer and yields a {@link LoginOutcome}, or refuses with a logged {@link
 * RejectionReason}.
 *
 * <p>Browser binding: the login sets a random cookie value whose hash is stored with the request; the ACS
 * accepts the answer only in the browser holding it. Without it, an attacker could start a login for
 * their own account and push the resulting artifact URL to a victim (login CSRF).
 */
public final class DigidServiceProvider {

  private static final Logger LOG = LoggerFactory.getLogger(DigidServiceProvider.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{22,64}");

  /** How the browser is sent to the IdP; the binding token goes into a cookie. */
  public sealed interface LoginStart {
    String browserBindingToken();
  }

  /** Send a 302 to {@code url}. */
  public record RedirectTo(String url, String browserBindingToken) implements LoginStart {}

  /** Answer with {@code page} and its Content-Security-Policy. */
  public record PostForm(PostBinding.Page page, String browserBindingToken) implements LoginStart {}

  private final ServiceProviderConfig config;
  private final IdpMetadataProvider idpMetadata;
  private final AuthnRequestStore requests;
  private final ReplayCache replayCache;
  private final ArtifactResolver resolver;
  private final ArtifactResponseValidator validator;
  private final AuthnRequestFactory requestFactory;
  private final Clock clock;

  public DigidServiceProvider(
      ServiceProviderConfig config,
      IdpMetadataProvider idpMetadata,
      AuthnRequestStore requests,
      ReplayCache replayCache,
      ArtifactResolver resolver,
      Clock clock) {
    this.config = Objects.requireNonNull(config);
    this.idpMetadata = Objects.requireNonNull(idpMetadata);
    this.requests = Objects.requireNonNull(requests);
    this.replayCache = Objects.requireNonNull(replayCache);
    this.resolver = Objects.requireNonNull(resolver);
    this.clock = Objects.requireNonNull(clock);
    this.validator = new ArtifactResponseValidator(config, replayCache, clock);
    this.requestFactory = new AuthnRequestFactory(config);
    OpenSaml.initialize();
  }

  public ServiceProviderConfig config() {
    return config;
  }

  /**
   * Starts a login at {@code level} that returns to {@code returnTo} (a local path, checked by the caller
   * with {@link ReturnPaths}).
   *
   * @param existingBindingToken the browser's current binding cookie, re-used so that two tabs can log in
   *     at once; null or malformed values are replaced
   * @throws DigidLoginException {@link RejectionReason#IDP_METADATA_UNAVAILABLE} when no IdP is known
   * @throws nl.noodrem.digid.store.StoreFullException when too many logins are pending
   */
  public LoginStart startLogin(String returnTo, DigidLevel level, String existingBindingToken) throws DigidLoginException {
    if (!ReturnPaths.isLocalPath(returnTo)) {
      throw new IllegalArgumentException("returnTo must be a local path");
    }
    IdpMetadata idp = idpMetadata.current();
    Instant now = clock.instant();
    String bindingToken =
        existingBindingToken != null && TOKEN.matcher(existingBindingToken).matches() ? existingBindingToken : randomToken(32);
    String requestId = OpenSaml.newId();
    String relayState = randomToken(16); // DigiD returns RelayState unchanged; at most 80 bytes
    boolean post = config.requestBinding() == AuthnRequestBinding.POST;
    String binding = post ? IdpMetadata.BINDING_POST : IdpMetadata.BINDING_REDIRECT;
    String destination =
        idp.singleSignOnService(binding)
            .orElseThrow(
                () -> new DigidLoginException(RejectionReason.IDP_METADATA_UNAVAILABLE, "the IdP metadata has no SSO endpoint for " + binding));
    requests.save(
        new PendingAuthnRequest(
            requestId, relayState, sha256Hex(bindingToken), returnTo, level, now, now.plus(config.requestLifetime())),
        now);
    AuthnRequest request = requestFactory.create(requestId, destination, level, now);
    LOG.info("DigiD login started: request={} level={} binding={}", requestId, level, post ? "POST" : "Redirect");
    if (post) {
      byte[] signed = SecureXml.toBytes(SamlSigner.sign(request, config.signingKey().credential()));
      return new PostForm(PostBinding.encode(destination, "SAMLRequest", signed, relayState, randomToken(16)), bindingToken);
    }
    byte[] xml = SecureXml.toBytes(OpenSaml.marshall(request));
    String url = RedirectBinding.encode(destination, "SAMLRequest", xml, relayState, config.signingKey().privateKey());
    return new RedirectTo(url, bindingToken);
  }

  /**
   * Completes a login from the ACS parameters. Every refusal is logged here with its reason and incident id
   * (never the BSN) before it is thrown.
   */
  public LoginOutcome completeLogin(String samlArt, String relayState, String browserBindingToken) throws DigidLoginException {
    try {
      LoginOutcome outcome = complete(samlArt, relayState, browserBindingToken);
      if (outcome instanceof LoginOutcome.Authenticated authenticated) {
        LOG.info("DigiD login succeeded: level={} sessionExpiry={}", authenticated.citizen().level(), authenticated.citizen().sessionExpiry());
      } else {
        LOG.info("DigiD login cancelled by the citizen (AuthnFailed)");
      }
      return outcome;
    } catch (DigidLoginException e) {
      LOG.warn("DigiD login rejected: reason={} incident={} detail={}", e.reason(), e.incidentId(), e.detail());
      throw e;
    } catch (RuntimeException e) {
      DigidLoginException wrapped = new DigidLoginException(RejectionReason.INTERNAL_ERROR, e.getClass().getSimpleName(), e);
      LOG.error("DigiD login rejected: reason={} incident={}", wrapped.reason(), wrapped.incidentId(), e);
      throw wrapped;
    }
  }

  private LoginOutcome complete(String samlArt, String relayState, String browserBindingToken) throws DigidLoginException {
    if (samlArt == null || relayState == null || !TOKEN.matcher(relayState).matches()) {
      throw new DigidLoginException(RejectionReason.ACS_PARAMETERS_INVALID, "SAMLart or RelayState missing or malformed");
    }
    Instant now = clock.instant();
    PendingAuthnRequest pending =
        requests
            .consumeByRelayState(relayState, now)
            .orElseThrow(() -> new DigidLoginException(RejectionReason.RELAY_STATE_UNKNOWN, "no pending login for this RelayState"));
    if (browserBindingToken == null
        || !MessageDigest.isEqual(
            sha256Hex(browserBindingToken).getBytes(StandardCharsets.US_ASCII),
            pending.browserBindingHash().getBytes(StandardCharsets.US_ASCII))) {
      throw new DigidLoginException(
          RejectionReason.BROWSER_BINDING_MISMATCH, "request=" + pending.requestId() + " arrived in another browser");
    }
    Saml2Artifact artifact = Saml2Artifact.parse(samlArt);
    IdpMetadata idp = idpMetadata.current();
    if (!artifact.isFrom(idp.entityId())) {
      throw new DigidLoginException(RejectionReason.ARTIFACT_SOURCE_UNKNOWN, "artifact SourceID is not SHA-1 of " + idp.entityId());
    }
    String endpoint =
        idp.artifactResolutionService(artifact.endpointIndex())
            .orElseThrow(
                () -> new DigidLoginException(
                    RejectionReason.ARTIFACT_ENDPOINT_UNKNOWN, "no ArtifactResolutionService with index " + artifact.endpointIndex()));
    if (!replayCache.firstUse(ReplayCache.ARTIFACT, artifact.encoded(), now.plus(config.requestLifetime()), now)) {
      throw new DigidLoginException(RejectionReason.ARTIFACT_REPLAYED, "request=" + pending.requestId());
    }
    ArtifactResolver.Resolution resolution = resolver.resolve(artifact, endpoint);
    ArtifactResponseValidator.Result result =
        validator.validate(
            resolution.soapBody(),
            new ArtifactResponseValidator.Expectation(resolution.artifactResolveId(), pending.requestId(), pending.requestedLevel()),
            idp);
    if (result instanceof ArtifactResponseValidator.Authenticated ok) {
      Instant expiry = clock.instant().plus(config.maxSessionDuration());
      if (ok.sessionNotOnOrAfter() != null && ok.sessionNotOnOrAfter().isBefore(expiry)) {
        expiry = ok.sessionNotOnOrAfter();
      }
      // authenticatedAt is our clock's, not the IdP's AuthnInstant: a back-channel logout is compared with it
      return new LoginOutcome.Authenticated(
          new AuthenticatedCitizen(ok.bsn(), ok.level(), expiry, now, ok.sessionIndex()), pending.returnTo());
    }
    return new LoginOutcome.Cancelled(pending.returnTo());
  }

  static String sha256Hex(String value) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String randomToken(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }
}
