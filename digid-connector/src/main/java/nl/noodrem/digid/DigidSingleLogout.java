package nl.noodrem.digid;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.noodrem.digid.saml.ArtifactResponseValidator;
import nl.noodrem.digid.saml.IdpMetadata;
import nl.noodrem.digid.saml.IdpMetadataProvider;
import nl.noodrem.digid.saml.LogoutMessages;
import nl.noodrem.digid.saml.OpenSaml;
import nl.noodrem.digid.saml.RedirectBinding;
import nl.noodrem.digid.saml.SamlSigner;
import nl.noodrem.digid.saml.SecureXml;
import nl.noodrem.digid.saml.SignatureChecks;
import nl.noodrem.digid.saml.Soap11;
import nl.noodrem.digid.store.LogoutStore;
import nl.noodrem.digid.store.ReplayCache;
import nl.noodrem.domain.Bsn;
import org.joda.time.DateTime;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * SAML single logout for the DigiD service provider, free of any web framework.
 *
 * <ul>
 *   <li><b>SP-initiated</b> ({@link #startLogout}, {@link #completeLogout}): the local session is ended first
 *       and recorded as ended; then, when the IdP's metadata offers an HTTP-Redirect SingleLogoutService, a
 *       signed {@code LogoutRequest} (NameID, SessionIndex) goes there and its {@code LogoutResponse} comes
 *       back to {@code …/digid/slo}, checked like any IdP message (signature with the metadata key, issuer,
 *       destination, age, InResponseTo of a request we sent, once).
 *   <li><b>IdP-initiated</b> ({@link #backChannelLogout}): a signed SOAP {@code LogoutRequest} from the IdP
 *       at {@code …/digid/slo/soap} records the named session(s) as ended and is answered with a signed
 *       {@code LogoutResponse}.
 *   <li>{@link #isEnded}: the security context repository asks on every request whether the session's
 *       DigiD session was ended, so an old session cookie stops working on every node.
 * </ul>
 *
 * <p>Ended sessions are stored under an HMAC of NameID and SessionIndex whose key is derived from our SAML
 * signing key (the same on every node), so the table holds nothing a BSN could be guessed back from.
 */
public final class DigidSingleLogout {

  private static final Logger LOG = LoggerFactory.getLogger(DigidSingleLogout.class);
  private static final String REPLAY_KIND = "logout";
  private static final Pattern SECTOR_PREFIX = Pattern.compile("s\\d{8}");

  private final ServiceProviderConfig config;
  private final IdpMetadataProvider idpMetadata;
  private final LogoutStore store;
  private final ReplayCache replayCache;
  private final Clock clock;
  private final byte[] sessionKeySecret;

  public DigidSingleLogout(
      ServiceProviderConfig config, IdpMetadataProvider idpMetadata, LogoutStore store, ReplayCache replayCache, Clock clock) {
    this.config = Objects.requireNonNull(config);
    this.idpMetadata = Objects.requireNonNull(idpMetadata);
    this.store = Objects.requireNonNull(store);
    this.replayCache = Objects.requireNonNull(replayCache);
    this.clock = Objects.requireNonNull(clock);
    this.sessionKeySecret = deriveSecret(config);
    OpenSaml.initialize();
  }

  // ------------------------------------------------------------------ SP-initiated

  /**
   * Records the citizen's DigiD session as ended and, when the IdP offers single logout over HTTP-Redirect,
   * returns the URL of a signed LogoutRequest to send the browser to. Empty: the logout stays local (the
   * IdP's metadata names no SingleLogoutService, or it cannot be read).
   */
  public Optional<String> startLogout(AuthenticatedCitizen citizen) {
    Instant now = clock.instant();
    if (citizen.sessionIndex() != null) {
      store.sessionEnded(sessionKey(citizen.nameId(), citizen.sessionIndex()), now, endedRowExpiry(now));
    }
    Optional<String> destination;
    try {
      destination = idpMetadata.current().singleLogoutService(IdpMetadata.BINDING_REDIRECT);
    } catch (DigidLoginException e) {
      LOG.warn("DigiD logout stays local: reason={} incident={} detail={}", e.reason(), e.incidentId(), e.detail());
      return Optional.empty();
    }
    if (destination.isEmpty()) {
      LOG.info("DigiD logout stays local: the IdP metadata offers no HTTP-Redirect SingleLogoutService");
      return Optional.empty();
    }
    String id = OpenSaml.newId();
    LogoutRequest request =
        LogoutMessages.request(
            id, config.entityId(), destination.get(), citizen.nameId(), citizen.sessionIndex(), now, now.plus(config.messageMaxAge()));
    store.rememberRequest(id, now.plus(config.requestLifetime()), now);
    LOG.info("DigiD single logout started: request={}", id);
    byte[] xml = SecureXml.toBytes(OpenSaml.marshall(request));
    return Optional.of(RedirectBinding.encode(destination.get(), "SAMLRequest", xml, null, config.signingKey().privateKey()));
  }

  /**
   * Checks the IdP's LogoutResponse (HTTP-Redirect, the raw query string as received). Every refusal is
   * logged with its reason before it is thrown.
   */
  public void completeLogout(String rawQuery) throws DigidLoginException {
    try {
      LogoutResponse response = validateLogoutResponse(rawQuery);
      LOG.info("DigiD single logout completed: request={}", response.getInResponseTo());
    } catch (DigidLoginException e) {
      LOG.warn("DigiD logout rejected: reason={} incident={} detail={}", e.reason(), e.incidentId(), e.detail());
      throw e;
    } catch (RuntimeException e) {
      DigidLoginException wrapped = new DigidLoginException(RejectionReason.INTERNAL_ERROR, e.getClass().getSimpleName(), e);
      LOG.error("DigiD logout rejected: reason={} incident={}", wrapped.reason(), wrapped.incidentId(), e);
      throw wrapped;
    }
  }

  private LogoutResponse validateLogoutResponse(String rawQuery) throws DigidLoginException {
    RedirectBinding.Decoded decoded;
    try {
      decoded = RedirectBinding.decode(rawQuery, "SAMLResponse");
    } catch (IllegalArgumentException e) {
      throw new DigidLoginException(RejectionReason.LOGOUT_MESSAGE_INVALID, "SAMLResponse: " + e.getMessage());
    }
    if (decoded.signature() == null || decoded.sigAlg() == null) {
      throw new DigidLoginException(RejectionReason.LOGOUT_MESSAGE_UNSIGNED, "LogoutResponse without SigAlg/Signature");
    }
    if (!SignatureChecks.ALLOWED_SIGNATURE_ALGORITHMS.contains(decoded.sigAlg()) || SamlSigner.javaAlgorithm(decoded.sigAlg()) == null) {
      throw new DigidLoginException(RejectionReason.SIGNATURE_ALGORITHM_FORBIDDEN, "LogoutResponse SigAlg " + decoded.sigAlg());
    }
    IdpMetadata idp = idpMetadata.current();
    boolean verified =
        idp.signingCertificates().stream()
            .anyMatch(c -> SamlSigner.verifyRaw(decoded.signedOctets(), decoded.signature(), decoded.sigAlg(), c.getPublicKey()));
    if (!verified) {
      throw new DigidLoginException(RejectionReason.SIGNATURE_INVALID, "LogoutResponse signature does not verify with the metadata key(s)");
    }
    LogoutResponse response = LogoutMessages.read(decoded.messageXml(), "LogoutResponse", LogoutResponse.class);
    Instant now = clock.instant();
    checkCommon(response.getVersion(), response.getIssuer(), response.getIssueInstant(), idp, now, "LogoutResponse");
    if (!config.singleLogoutUrl().equals(response.getDestination())) {
      throw new DigidLoginException(RejectionReason.DESTINATION_MISMATCH, "LogoutResponse Destination is not our SingleLogoutService");
    }
    if (response.getInResponseTo() == null || !store.consumeRequest(response.getInResponseTo(), now)) {
      throw new DigidLoginException(RejectionReason.LOGOUT_RESPONSE_UNKNOWN, "LogoutResponse InResponseTo names no pending LogoutRequest");
    }
    if (!LogoutMessages.isSuccess(response.getStatus())) {
      throw new DigidLoginException(
          RejectionReason.LOGOUT_FAILED_AT_IDP, "LogoutResponse status " + LogoutMessages.statusCode(response.getStatus()));
    }
    return response;
  }

  // ------------------------------------------------------------------ IdP-initiated (SOAP back channel)

  /**
   * Handles a SOAP LogoutRequest from the IdP and returns the SOAP envelope with our signed
   * LogoutResponse. Every refusal is logged with its reason before it is thrown (answer it with a SOAP
   * fault).
   */
  public byte[] backChannelLogout(byte[] soapRequest) throws DigidLoginException {
    try {
      return handleBackChannel(soapRequest);
    } catch (DigidLoginException e) {
      LOG.warn("DigiD logout rejected: reason={} incident={} detail={}", e.reason(), e.incidentId(), e.detail());
      throw e;
    } catch (RuntimeException e) {
      DigidLoginException wrapped = new DigidLoginException(RejectionReason.INTERNAL_ERROR, e.getClass().getSimpleName(), e);
      LOG.error("DigiD logout rejected: reason={} incident={}", wrapped.reason(), wrapped.incidentId(), e);
      throw wrapped;
    }
  }

  private byte[] handleBackChannel(byte[] soapRequest) throws DigidLoginException {
    if (soapRequest.length > config.maxResponseBytes()) {
      throw new DigidLoginException(RejectionReason.BODY_TOO_LARGE, soapRequest.length + " bytes");
    }
    Document document = SecureXml.parse(soapRequest);
    Element body;
    try {
      body = Soap11.bodyElement(document);
    } catch (IllegalArgumentException e) {
      throw new DigidLoginException(RejectionReason.SOAP_MALFORMED, e.getMessage());
    }
    LogoutRequest request = LogoutMessages.read(body, "LogoutRequest", LogoutRequest.class);
    IdpMetadata idp = idpMetadata.current();
    SignatureChecks.verify(request, idp.signingCredentials(), "LogoutRequest", RejectionReason.LOGOUT_MESSAGE_UNSIGNED);
    Instant now = clock.instant();
    checkCommon(request.getVersion(), request.getIssuer(), request.getIssueInstant(), idp, now, "LogoutRequest");
    if (request.getDestination() != null && !config.singleLogoutSoapUrl().equals(request.getDestination())) {
      throw new DigidLoginException(RejectionReason.DESTINATION_MISMATCH, "LogoutRequest Destination is not our SOAP SingleLogoutService");
    }
    Instant notOnOrAfter = OpenSaml.toInstant(request.getNotOnOrAfter());
    if (notOnOrAfter != null && !now.minus(config.clockSkew()).isBefore(notOnOrAfter)) {
      throw new DigidLoginException(RejectionReason.ISSUE_INSTANT_OUT_OF_RANGE, "LogoutRequest NotOnOrAfter " + notOnOrAfter + " at " + now);
    }
    if (request.getID() == null
        || !replayCache.firstUse(REPLAY_KIND, request.getID(), now.plus(config.messageMaxAge()).plus(config.clockSkew()).plusSeconds(1), now)) {
      throw new DigidLoginException(RejectionReason.LOGOUT_REQUEST_REPLAYED, "LogoutRequest ID seen before");
    }
    String nameId = nameId(request.getNameID());
    List<String> indexes = LogoutMessages.sessionIndexes(request);
    if (indexes.isEmpty()) {
      store.sessionEnded(subjectKey(nameId), now, endedRowExpiry(now));
    }
    for (String index : indexes) {
      store.sessionEnded(sessionKey(nameId, index), now, endedRowExpiry(now));
    }
    LOG.info("DigiD back-channel logout: request={} sessions={}", request.getID(), indexes.isEmpty() ? "all of the citizen" : indexes.size());
    LogoutResponse response =
        LogoutMessages.response(OpenSaml.newId(), config.entityId(), null, request.getID(), StatusCode.SUCCESS, now);
    return Soap11.wrap(SamlSigner.sign(response, config.signingKey().credential()));
  }

  // ------------------------------------------------------------------ sessions

  /**
   * True when a single logout ended this citizen's DigiD session (its SessionIndex, or every session of the
   * citizen since it was authenticated). Failure: a runtime data access exception when the store cannot be
   * read; the caller treats the session as unusable.
   */
  public boolean isEnded(AuthenticatedCitizen citizen) {
    String nameId = citizen.nameId();
    String sessionKey = citizen.sessionIndex() == null ? null : sessionKey(nameId, citizen.sessionIndex());
    return store.isEnded(sessionKey, subjectKey(nameId), citizen.authenticatedAt(), clock.instant());
  }

  private Instant endedRowExpiry(Instant now) {
    // no session outlives its absolute maximum: the marker is needed no longer
    return now.plus(config.maxSessionDuration()).plus(config.clockSkew());
  }

  String sessionKey(String nameId, String sessionIndex) {
    return hmac("session\0" + nameId + "\0" + sessionIndex);
  }

  String subjectKey(String nameId) {
    return hmac("subject\0" + nameId);
  }

  private String hmac(String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(sessionKeySecret, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] deriveSecret(ServiceProviderConfig config) {
    byte[] encoded = config.signingKey().privateKey().getEncoded();
    if (encoded == null) {
      // a key held in hardware exposes no encoding; its certificate is still the same on every node
      try {
        encoded = config.signingKey().certificate().getEncoded();
      } catch (java.security.cert.CertificateEncodingException e) {
        throw new IllegalStateException(e);
      }
    }
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update("noodrem digid single logout session key\0".getBytes(StandardCharsets.US_ASCII));
      digest.update(encoded);
      return digest.digest();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------ checks

  private void checkCommon(SAMLVersion version, Issuer issuer, DateTime issueInstant, IdpMetadata idp, Instant now, String what)
      throws DigidLoginException {
    if (version == null || version.getMajorVersion() != 2 || version.getMinorVersion() != 0) {
      throw new DigidLoginException(RejectionReason.UNEXPECTED_STRUCTURE, what + " is not SAML 2.0");
    }
    if (issuer == null || !idp.entityId().equals(issuer.getValue())) {
      throw new DigidLoginException(RejectionReason.ISSUER_MISMATCH, what + " Issuer is not the IdP entityID");
    }
    Instant issued = OpenSaml.toInstant(issueInstant);
    if (issued == null
        || issued.isAfter(now.plus(config.clockSkew()))
        || issued.isBefore(now.minus(config.messageMaxAge()).minus(config.clockSkew()))) {
      throw new DigidLoginException(RejectionReason.ISSUE_INSTANT_OUT_OF_RANGE, what + " IssueInstant " + issued + " at " + now);
    }
  }

  private static String nameId(NameID nameId) throws DigidLoginException {
    if (nameId == null || nameId.getDOM() == null) {
      throw new DigidLoginException(RejectionReason.NAMEID_MISSING, "LogoutRequest without NameID");
    }
    Node only = nameId.getDOM().getFirstChild();
    if (only == null || only.getNodeType() != Node.TEXT_NODE || only.getNextSibling() != null) {
      throw new DigidLoginException(RejectionReason.NAMEID_COMMENT_OR_SPLIT, "NameID is not exactly one text node");
    }
    String value = only.getNodeValue();
    int colon = value.indexOf(':');
    String sector = colon < 0 ? "" : value.substring(0, colon);
    if (!ArtifactResponseValidator.BSN_SECTOR.equals(sector)) {
      String shown = SECTOR_PREFIX.matcher(sector).matches() ? sector : "(not a sector code)";
      throw new DigidLoginException(RejectionReason.SECTOR_NOT_ALLOWED, "LogoutRequest NameID sector " + shown);
    }
    if (!Bsn.isValid(value.substring(colon + 1))) {
      throw new DigidLoginException(RejectionReason.BSN_INVALID, "the BSN in the LogoutRequest NameID fails the 11-proof or format");
    }
    return value;
  }
}
