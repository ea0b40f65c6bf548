package nl.noodrem.digid.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import nl.noodrem.digid.DigidLevel;
import nl.noodrem.digid.DigidLoginException;
import nl.noodrem.digid.RejectionReason;
import nl.noodrem.digid.saml.ArtifactResponseValidator;
import nl.noodrem.digid.saml.IdpMetadata;
import nl.noodrem.digid.saml.LogoutMessages;
import nl.noodrem.digid.saml.OpenSaml;
import nl.noodrem.digid.saml.PostBinding;
import nl.noodrem.digid.saml.RedirectBinding;
import nl.noodrem.digid.saml.Saml2Artifact;
import nl.noodrem.digid.saml.SamlSigner;
import nl.noodrem.digid.saml.SecureXml;
import nl.noodrem.digid.saml.SignatureChecks;
import nl.noodrem.digid.saml.Soap11;
import nl.noodrem.digid.tls.KeyMaterial.KeyEntry;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.io.UnmarshallingException;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.ArtifactResolve;
import org.opensaml.saml.saml2.core.ArtifactResponse;
import org.opensaml.saml.saml2.core.AuthnContextClassRef;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.metadata.AssertionConsumerService;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.saml.saml2.metadata.SPSSODescriptor;
import org.opensaml.saml.saml2.metadata.SingleLogoutService;
import org.opensaml.security.credential.UsageType;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * DEV ONLY. The protocol side of the DigiD simulator, free of any web framework: it checks signed
 * AuthnRequests (HTTP-Redirect and HTTP-POST) against the SP's metadata, answers a tester's choice with an
 * artifact sent to the SP's artifact ACS, and resolves each artifact once over SOAP with a signed
 * ArtifactResponse carrying a signed Assertion, as DigiD does. It remembers the sessions it handed out so
 * that single logout can be tried both ways: the SP's LogoutRequest over HTTP-Redirect, and its own
 * LogoutRequest over the SOAP back channel to the SP.
 */
public final class DigidSimulatorIdp {

  private static final Logger LOG = LoggerFactory.getLogger(DigidSimulatorIdp.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration LOGIN_LIFETIME = Duration.ofMinutes(15);
  private static final Duration ARTIFACT_LIFETIME = Duration.ofMinutes(5);
  private static final Duration SESSION_LIFETIME = Duration.ofHours(2);
  private static final int MAX_PENDING = 1000;

  /** A problem with what the SP sent; shown to the tester. */
  public static final class SimulatorException extends Exception {
    public SimulatorException(String message) {
      super(message);
    }
  }

  /** An AuthnRequest waiting for the tester's choice; {@code forceAuthn} as the SP asked. */
  public record PendingLogin(
      String key,
      String requestId,
      String spEntityId,
      String acsUrl,
      String relayState,
      DigidLevel requestedLevel,
      boolean forceAuthn,
      Instant expiresAt) {}

  /** A DigiD session the simulator handed out: what a single logout names. */
  public record IdpSession(String sessionIndex, String spEntityId, String nameId, DigidLevel level, Instant createdAt) {
    /** The NameID with the BSN masked, for the simulator's pages. */
    public String maskedNameId() {
      int colon = nameId.indexOf(':');
      String digits = nameId.substring(colon + 1);
      return nameId.substring(0, colon + 1) + "*****" + (digits.length() > 4 ? digits.substring(digits.length() - 4) : "");
    }
  }

  /** The SP's answer to an IdP-initiated (back-channel) logout. */
  public record BackChannelOutcome(String sessionIndex, int httpStatus, String statusCode) {}

  private record StoredResponse(String spEntityId, byte[] responseXml, Instant expiresAt) {}

  private record ServiceProvider(
      String entityId,
      List<BasicX509Credential> signingKeys,
      Map<Integer, String> artifactAcs,
      Integer defaultIndex,
      Map<String, String> singleLogout) {}

  private final String entityId;
  private final String ssoUrl;
  private final String artifactResolutionUrl;
  private final String singleLogoutUrl;
  private final KeyEntry signingKey;
  private final Supplier<byte[]> spMetadata;
  private final Clock clock;
  private final Map<String, PendingLogin> pending = new ConcurrentHashMap<>();
  private final Map<String, StoredResponse> artifacts = new ConcurrentHashMap<>();
  private final Map<String, IdpSession> sessions = new ConcurrentHashMap<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

  public DigidSimulatorIdp(
      String entityId,
      String ssoUrl,
      String artifactResolutionUrl,
      String singleLogoutUrl,
      KeyEntry signingKey,
      Supplier<byte[]> spMetadata,
      Clock clock) {
    this.entityId = entityId;
    this.ssoUrl = ssoUrl;
    this.artifactResolutionUrl = artifactResolutionUrl;
    this.singleLogoutUrl = singleLogoutUrl;
    this.signingKey = signingKey;
    this.spMetadata = spMetadata;
    this.clock = clock;
    OpenSaml.initialize();
  }

  public String entityId() {
    return entityId;
  }

  // ------------------------------------------------------------------ AuthnRequest

  /** An AuthnRequest over HTTP-Redirect, verified by its query-string signature. */
  public PendingLogin receiveRedirect(String rawQuery) throws SimulatorException {
    RedirectBinding.Decoded decoded;
    try {
      decoded = RedirectBinding.decode(rawQuery, "SAMLRequest");
    } catch (IllegalArgumentException e) {
      throw new SimulatorException("SAMLRequest kan niet gelezen worden: " + e.getMessage());
    }
    if (decoded.signature() == null || decoded.sigAlg() == null) {
      throw new SimulatorException("de AuthnRequest is niet ondertekend (SigAlg/Signature ontbreken)");
    }
    ServiceProvider sp = serviceProvider();
    boolean verified =
        sp.signingKeys().stream()
            .anyMatch(k -> SamlSigner.verifyRaw(decoded.signedOctets(), decoded.signature(), decoded.sigAlg(), k.getPublicKey()));
    if (!verified) {
      throw new SimulatorException("de handtekening van de AuthnRequest klopt niet of gebruikt " + decoded.sigAlg());
    }
    AuthnRequest request = parseAuthnRequest(decoded.messageXml());
    return accept(request, decoded.relayState(), sp);
  }

  /** An AuthnRequest over HTTP-POST, verified by its enveloped signature. */
  public PendingLogin receivePost(String samlRequest, String relayState) throws SimulatorException {
    byte[] xml;
    try {
      xml = PostBinding.decode(samlRequest);
    } catch (IllegalArgumentException e) {
      throw new SimulatorException("SAMLRequest is geen base64");
    }
    AuthnRequest request = parseAuthnRequest(xml);
    ServiceProvider sp = serviceProvider();
    try {
      SignatureChecks.verify(request, sp.signingKeys(), "AuthnRequest", RejectionReason.SIGNATURE_INVALID);
    } catch (DigidLoginException e) {
      throw new SimulatorException("de handtekening van de AuthnRequest is afgewezen: " + e.getMessage());
    }
    return accept(request, relayState, sp);
  }

  private AuthnRequest parseAuthnRequest(byte[] xml) throws SimulatorException {
    try {
      XMLObject object = OpenSaml.unmarshall(SecureXml.parse(xml).getDocumentElement());
      if (object instanceof AuthnRequest request) {
        return request;
      }
      throw new SimulatorException("geen AuthnRequest maar " + object.getElementQName().getLocalPart());
    } catch (DigidLoginException | UnmarshallingException e) {
      throw new SimulatorException("de AuthnRequest is geen geldige XML: " + e.getMessage());
    }
  }

  private PendingLogin accept(AuthnRequest request, String relayState, ServiceProvider sp) throws SimulatorException {
    Instant now = clock.instant();
    if (request.getIssuer() == null || !sp.entityId().equals(request.getIssuer().getValue())) {
      throw new SimulatorException("onbekende Issuer; verwacht " + sp.entityId());
    }
    if (!ssoUrl.equals(request.getDestination())) {
      throw new SimulatorException("Destination is niet " + ssoUrl);
    }
    Instant issued = OpenSaml.toInstant(request.getIssueInstant());
    if (issued == null || issued.isAfter(now.plusSeconds(60)) || issued.isBefore(now.minus(Duration.ofMinutes(5)))) {
      throw new SimulatorException("IssueInstant ligt buiten het toegestane venster");
    }
    if (request.getNameIDPolicy() != null) {
      throw new SimulatorException("DigiD accepteert geen NameIDPolicy");
    }
    if (relayState != null && relayState.getBytes(StandardCharsets.UTF_8).length > 80) {
      throw new SimulatorException("RelayState is langer dan 80 bytes");
    }
    String acsUrl;
    if (request.getAssertionConsumerServiceIndex() != null) {
      acsUrl = sp.artifactAcs().get(request.getAssertionConsumerServiceIndex());
      if (acsUrl == null) {
        throw new SimulatorException("geen artifact-ACS met index " + request.getAssertionConsumerServiceIndex() + " in de SP-metadata");
      }
    } else if (request.getAssertionConsumerServiceURL() != null) {
      acsUrl = request.getAssertionConsumerServiceURL();
      if (!sp.artifactAcs().containsValue(acsUrl)) {
        throw new SimulatorException("AssertionConsumerServiceURL staat niet in de SP-metadata");
      }
      if (request.getProtocolBinding() != null && !IdpMetadata.BINDING_ARTIFACT.equals(request.getProtocolBinding())) {
        throw new SimulatorException("DigiD antwoordt alleen met HTTP-Artifact");
      }
    } else {
      acsUrl = sp.artifactAcs().get(sp.defaultIndex());
    }
    DigidLevel level = DigidLevel.BASIS;
    if (request.getRequestedAuthnContext() != null) {
      for (AuthnContextClassRef ref : request.getRequestedAuthnContext().getAuthnContextClassRefs()) {
        DigidLevel requested =
            DigidLevel.fromAuthnContextClassRef(ref.getAuthnContextClassRef())
                .orElseThrow(() -> new SimulatorException("onbekende AuthnContextClassRef " + ref.getAuthnContextClassRef()));
        level = requested.isAtLeast(level) ? requested : level;
      }
    }
    purge(now);
    if (pending.size() >= MAX_PENDING) {
      throw new SimulatorException("te veel openstaande inlogpogingen");
    }
    boolean forceAuthn = Boolean.TRUE.equals(request.isForceAuthn());
    PendingLogin login =
        new PendingLogin(randomKey(), request.getID(), sp.entityId(), acsUrl, relayState, level, forceAuthn, now.plus(LOGIN_LIFETIME));
    pending.put(login.key(), login);
    LOG.info("DigiD simulator (DEV ONLY): AuthnRequest {} accepted, level {} requested, ForceAuthn {}", request.getID(), level, forceAuthn);
    return login;
  }

  public Optional<PendingLogin> pending(String key) {
    PendingLogin login = key == null ? null : pending.get(key);
    return login == null || !clock.instant().isBefore(login.expiresAt()) ? Optional.empty() : Optional.of(login);
  }

  // ------------------------------------------------------------------ the tester's answer

  /**
   * The tester logs in as {@code bsnDigits} (free entry: an invalid BSN is sent as typed, to test the SP's
   * 11-proof) at {@code level}. @return the ACS URL with the artifact, for a 302
   */
  public String authenticate(String key, String bsnDigits, DigidLevel level) throws SimulatorException {
    PendingLogin login = take(key);
    if (bsnDigits == null || !bsnDigits.matches("[0-9]{1,12}")) {
      throw new SimulatorException("een BSN bestaat uit cijfers");
    }
    Instant now = clock.instant();
    DigidSimulatorMessages.Spec spec =
        new DigidSimulatorMessages.Spec(
            entityId, login.spEntityId(), login.acsUrl(), login.requestId(), ArtifactResponseValidator.BSN_SECTOR + ":" + bsnDigits,
            level.authnContextClassRef(), now);
    Response response = DigidSimulatorMessages.response(spec, signingKey.credential());
    purge(now);
    if (sessions.size() >= MAX_PENDING) {
      throw new SimulatorException("te veel DigiD-sessies; start de simulator opnieuw");
    }
    sessions.put(spec.sessionIndex, new IdpSession(spec.sessionIndex, login.spEntityId(), spec.nameId, level, now));
    return issueArtifact(login, response);
  }

  /** The tester cancels: DigiD answers AuthnFailed. */
  public String cancel(String key) throws SimulatorException {
    PendingLogin login = take(key);
    DigidSimulatorMessages.Spec spec =
        new DigidSimulatorMessages.Spec(entityId, login.spEntityId(), login.acsUrl(), login.requestId(), null, null, clock.instant())
            .cancelled();
    return issueArtifact(login, DigidSimulatorMessages.response(spec, null));
  }

  private PendingLogin take(String key) throws SimulatorException {
    PendingLogin login = key == null ? null : pending.remove(key);
    if (login == null || !clock.instant().isBefore(login.expiresAt())) {
      throw new SimulatorException("deze inlogpoging is verlopen of al afgerond");
    }
    return login;
  }

  private String issueArtifact(PendingLogin login, Response response) {
    Instant now = clock.instant();
    purge(now);
    byte[] xml = SecureXml.toBytes(OpenSaml.marshall(response));
    Saml2Artifact artifact = Saml2Artifact.create(entityId, 0);
    artifacts.put(artifact.encoded(), new StoredResponse(login.spEntityId(), xml, now.plus(ARTIFACT_LIFETIME)));
    StringBuilder url = new StringBuilder(login.acsUrl());
    url.append(login.acsUrl().contains("?") ? '&' : '?').append("SAMLart=").append(URLEncoder.encode(artifact.encoded(), StandardCharsets.UTF_8));
    if (login.relayState() != null) {
      url.append("&RelayState=").append(URLEncoder.encode(login.relayState(), StandardCharsets.UTF_8));
    }
    return url.toString();
  }

  // ------------------------------------------------------------------ single logout

  /** The DigiD sessions handed out and not yet logged out, oldest first. */
  public List<IdpSession> sessions() {
    purge(clock.instant());
    return sessions.values().stream().sorted(java.util.Comparator.comparing(IdpSession::createdAt)).toList();
  }

  /**
   * SP-initiated logout over HTTP-Redirect: checks the SP's signed LogoutRequest (signature with the SP's
   * metadata key, Issuer, Destination, NameID), ends the named session(s) and returns the URL that carries
   * the signed LogoutResponse to the SP's HTTP-Redirect SingleLogoutService.
   */
  public String receiveLogoutRedirect(String rawQuery) throws SimulatorException {
    RedirectBinding.Decoded decoded;
    try {
      decoded = RedirectBinding.decode(rawQuery, "SAMLRequest");
    } catch (IllegalArgumentException e) {
      throw new SimulatorException("SAMLRequest kan niet gelezen worden: " + e.getMessage());
    }
    if (decoded.signature() == null || decoded.sigAlg() == null) {
      throw new SimulatorException("het LogoutRequest is niet ondertekend (SigAlg/Signature ontbreken)");
    }
    ServiceProvider sp = serviceProvider();
    boolean verified =
        sp.signingKeys().stream()
            .anyMatch(k -> SamlSigner.verifyRaw(decoded.signedOctets(), decoded.signature(), decoded.sigAlg(), k.getPublicKey()));
    if (!verified) {
      throw new SimulatorException("de handtekening van het LogoutRequest klopt niet of gebruikt " + decoded.sigAlg());
    }
    LogoutRequest request;
    try {
      request = LogoutMessages.read(decoded.messageXml(), "LogoutRequest", LogoutRequest.class);
    } catch (DigidLoginException e) {
      throw new SimulatorException("geen geldig LogoutRequest: " + e.getMessage());
    }
    if (request.getIssuer() == null || !sp.entityId().equals(request.getIssuer().getValue())) {
      throw new SimulatorException("onbekende Issuer; verwacht " + sp.entityId());
    }
    if (!singleLogoutUrl.equals(request.getDestination())) {
      throw new SimulatorException("Destination is niet " + singleLogoutUrl);
    }
    if (request.getNameID() == null || request.getNameID().getValue() == null) {
      throw new SimulatorException("het LogoutRequest noemt geen NameID");
    }
    String returnUrl = sp.singleLogout().get(IdpMetadata.BINDING_REDIRECT);
    if (returnUrl == null) {
      throw new SimulatorException("de SP-metadata noemt geen SingleLogoutService met HTTP-Redirect");
    }
    List<String> indexes = LogoutMessages.sessionIndexes(request);
    String nameId = request.getNameID().getValue();
    int ended = 0;
    for (IdpSession session : List.copyOf(sessions.values())) {
      if (session.spEntityId().equals(sp.entityId())
          && session.nameId().equals(nameId)
          && (indexes.isEmpty() || indexes.contains(session.sessionIndex()))
          && sessions.remove(session.sessionIndex()) != null) {
        ended++;
      }
    }
    LOG.info("DigiD simulator (DEV ONLY): LogoutRequest {} ended {} session(s)", request.getID(), ended);
    LogoutResponse response =
        LogoutMessages.response(OpenSaml.newId(), entityId, returnUrl, request.getID(), StatusCode.SUCCESS, clock.instant());
    return RedirectBinding.encode(
        returnUrl, "SAMLResponse", SecureXml.toBytes(OpenSaml.marshall(response)), decoded.relayState(), signingKey.privateKey());
  }

  /**
   * IdP-initiated logout over the SOAP back channel: sends a signed LogoutRequest for {@code sessionIndex}
   * to the SP's SOAP SingleLogoutService and checks its signed LogoutResponse. The session ends at the
   * simulator whatever the SP answers (as at DigiD, whose session is over).
   */
  public BackChannelOutcome backChannelLogout(String sessionIndex) throws SimulatorException {
    IdpSession session = sessionIndex == null ? null : sessions.remove(sessionIndex);
    if (session == null) {
      throw new SimulatorException("onbekende of al beëindigde DigiD-sessie");
    }
    ServiceProvider sp = serviceProvider();
    String endpoint = sp.singleLogout().get(IdpMetadata.BINDING_SOAP);
    if (endpoint == null) {
      throw new SimulatorException("de SP-metadata noemt geen SingleLogoutService met SOAP");
    }
    Instant now = clock.instant();
    String id = OpenSaml.newId();
    LogoutRequest request =
        LogoutMessages.request(id, entityId, endpoint, session.nameId(), session.sessionIndex(), now, now.plus(Duration.ofMinutes(5)));
    byte[] envelope = Soap11.wrap(SamlSigner.sign(request, signingKey.credential()));
    HttpResponse<byte[]> answer;
    try {
      answer =
          http.send(
              HttpRequest.newBuilder(URI.create(endpoint))
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "text/xml; charset=utf-8")
                  .header("SOAPAction", Soap11.SOAP_ACTION)
                  .POST(HttpRequest.BodyPublishers.ofByteArray(envelope))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new SimulatorException("de SP is niet bereikbaar op " + endpoint + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SimulatorException("onderbroken");
    }
    if (answer.statusCode() != 200) {
      LOG.info("DigiD simulator (DEV ONLY): back-channel LogoutRequest {} answered with HTTP {}", id, answer.statusCode());
      return new BackChannelOutcome(sessionIndex, answer.statusCode(), "(SOAP fault)");
    }
    LogoutResponse response;
    try {
      Element body = Soap11.bodyElement(SecureXml.parse(answer.body()));
      response = LogoutMessages.read(body, "LogoutResponse", LogoutResponse.class);
      SignatureChecks.verify(response, sp.signingKeys(), "LogoutResponse", RejectionReason.LOGOUT_MESSAGE_UNSIGNED);
    } catch (DigidLoginException | IllegalArgumentException e) {
      throw new SimulatorException("het LogoutResponse van de SP is afgewezen: " + e.getMessage());
    }
    if (!id.equals(response.getInResponseTo())) {
      throw new SimulatorException("het LogoutResponse antwoordt niet op ons LogoutRequest");
    }
    String status = LogoutMessages.statusCode(response.getStatus());
    LOG.info("DigiD simulator (DEV ONLY): back-channel LogoutRequest {} answered {}", id, status);
    return new BackChannelOutcome(sessionIndex, answer.statusCode(), status);
  }

  // ------------------------------------------------------------------ artifact resolution

  /**
   * Answers a SOAP ArtifactResolve. The request must be signed with the SP's metadata key and come from
   * the SP the artifact was issued to; each artifact resolves once, later attempts get an empty
   * ArtifactResponse (SAML Bindings §3.6.3).
   *
   * @throws SimulatorException for a request that is not acceptable at all (answered with a SOAP fault)
   */
  public byte[] resolve(byte[] soapRequest) throws SimulatorException {
    Element body;
    try {
      Document document = SecureXml.parse(soapRequest);
      body = Soap11.bodyElement(document);
    } catch (DigidLoginException | IllegalArgumentException e) {
      throw new SimulatorException("not a SOAP 1.1 request: " + e.getMessage());
    }
    ArtifactResolve resolve;
    try {
      if (!(OpenSaml.unmarshall(body) instanceof ArtifactResolve r)) {
        throw new SimulatorException("the SOAP body is not an ArtifactResolve");
      }
      resolve = r;
    } catch (UnmarshallingException e) {
      throw new SimulatorException("unreadable ArtifactResolve");
    }
    ServiceProvider sp = serviceProvider();
    if (resolve.getIssuer() == null || !sp.entityId().equals(resolve.getIssuer().getValue())) {
      throw new SimulatorException("ArtifactResolve from an unknown issuer");
    }
    try {
      SignatureChecks.verify(resolve, sp.signingKeys(), "ArtifactResolve", RejectionReason.SIGNATURE_INVALID);
    } catch (DigidLoginException e) {
      throw new SimulatorException("ArtifactResolve signature refused: " + e.getMessage());
    }
    if (resolve.getDestination() != null && !artifactResolutionUrl.equals(resolve.getDestination())) {
      throw new SimulatorException("ArtifactResolve Destination is not " + artifactResolutionUrl);
    }
    String artifact = resolve.getArtifact() == null ? null : resolve.getArtifact().getArtifact();
    StoredResponse stored = artifact == null ? null : artifacts.remove(artifact);
    Instant now = clock.instant();
    Response response = null;
    if (stored != null && now.isBefore(stored.expiresAt()) && stored.spEntityId().equals(sp.entityId())) {
      try {
        response = (Response) OpenSaml.unmarshall(SecureXml.parse(stored.responseXml()).getDocumentElement());
      } catch (DigidLoginException | UnmarshallingException e) {
        throw new IllegalStateException("the simulator cannot read its own Response", e);
      }
    } else {
      LOG.info("DigiD simulator (DEV ONLY): unknown, expired or already resolved artifact");
    }
    ArtifactResponse answer = DigidSimulatorMessages.artifactResponse(entityId, resolve.getID(), response, now);
    return DigidSimulatorMessages.soap(answer, signingKey.credential());
  }

  /** A SOAP 1.1 fault for a refused request. */
  public static byte[] fault(String reason) {
    String xml =
        "<soap11:Envelope xmlns:soap11=\"" + Soap11.NS + "\"><soap11:Body><soap11:Fault><faultcode>soap11:Client</faultcode>"
            + "<faultstring>" + nl.noodrem.digid.Html.escape(reason) + "</faultstring></soap11:Fault></soap11:Body></soap11:Envelope>";
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  // ------------------------------------------------------------------ the SP, from its metadata

  private ServiceProvider serviceProvider() throws SimulatorException {
    try {
      XMLObject object = OpenSaml.unmarshall(SecureXml.parse(spMetadata.get()).getDocumentElement());
      if (!(object instanceof EntityDescriptor entity) || entity.getSPSSODescriptor(SAMLConstants.SAML20P_NS) == null) {
        throw new SimulatorException("the SP metadata holds no SAML 2.0 SP");
      }
      SPSSODescriptor descriptor = entity.getSPSSODescriptor(SAMLConstants.SAML20P_NS);
      List<BasicX509Credential> keys = new ArrayList<>();
      for (KeyDescriptor key : descriptor.getKeyDescriptors()) {
        if (key.getUse() == null || key.getUse() == UsageType.SIGNING || key.getUse() == UsageType.UNSPECIFIED) {
          for (X509Certificate certificate : KeyInfoSupport.getCertificates(key.getKeyInfo())) {
            keys.add(new BasicX509Credential(certificate));
          }
        }
      }
      Map<String, String> slo = new HashMap<>();
      for (SingleLogoutService service : descriptor.getSingleLogoutServices()) {
        slo.putIfAbsent(service.getBinding(), service.getLocation());
      }
      Map<Integer, String> acs = new HashMap<>();
      Integer defaultIndex = null;
      for (AssertionConsumerService service : descriptor.getAssertionConsumerServices()) {
        if (IdpMetadata.BINDING_ARTIFACT.equals(service.getBinding())) {
          acs.put(service.getIndex(), service.getLocation());
          if (defaultIndex == null || Boolean.TRUE.equals(service.isDefault())) {
            defaultIndex = service.getIndex();
          }
        }
      }
      if (keys.isEmpty() || acs.isEmpty()) {
        throw new SimulatorException("the SP metadata needs a signing certificate and an HTTP-Artifact ACS");
      }
      return new ServiceProvider(entity.getEntityID(), keys, acs, defaultIndex, slo);
    } catch (DigidLoginException | UnmarshallingException | CertificateException e) {
      throw new SimulatorException("the SP metadata cannot be read: " + e.getMessage());
    }
  }

  private void purge(Instant now) {
    pending.values().removeIf(p -> !now.isBefore(p.expiresAt()));
    artifacts.values().removeIf(a -> !now.isBefore(a.expiresAt()));
    sessions.values().removeIf(s -> !now.isBefore(s.createdAt().plus(SESSION_LIFETIME)));
  }

  private static String randomKey() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
