package nl.noodrem.digid.saml;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import nl.noodrem.digid.DigidLevel;
import nl.noodrem.digid.DigidLoginException;
import nl.noodrem.digid.RejectionReason;
import nl.noodrem.digid.ServiceProviderConfig;
import nl.noodrem.digid.store.ReplayCache;
import nl.noodrem.domain.Bsn;
import org.joda.time.DateTime;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.io.UnmarshallingException;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.ArtifactResponse;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;
import org.opensaml.security.x509.BasicX509Credential;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Validates the IdP's SOAP answer to our ArtifactResolve: every check of the DigiD connection checklist,
 * each refusal with its own {@link RejectionReason}.
 *
 * <p>Order matters and is part of the design: size, then a DOCTYPE-free parse, then the message shape
 * (exactly one ArtifactResponse, Response and Assertion, each where SAML puts it; unique IDs; signatures
 * only directly inside what they sign) so that no signature-wrapping variant reaches the signature code
 * with a second candidate element; then the signatures against the metadata keys; then protocol and
 * assertion content, read only from the objects whose signatures were verified.
 */
public final class ArtifactResponseValidator {

  public static final String SAMLP_NS = "urn:oasis:names:tc:SAML:2.0:protocol";
  public static final String SAML_NS = "urn:oasis:names:tc:SAML:2.0:assertion";
  public static final String BSN_SECTOR = "s00000000";
  private static final Pattern SECTOR_PREFIX = Pattern.compile("s\\d{8}");
  private static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";
  private static final String BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";

  /** What this particular answer must match. */
  public record Expectation(String artifactResolveId, String authnRequestId, DigidLevel requestedLevel) {
    public Expectation {
      Objects.requireNonNull(artifactResolveId);
      Objects.requireNonNull(authnRequestId);
      Objects.requireNonNull(requestedLevel);
    }
  }

  /** The outcome of a valid answer. */
  public sealed interface Result {}

  /**
   * A valid authentication.
   *
   * @param sessionNotOnOrAfter the IdP's SessionNotOnOrAfter, or null
   * @param sessionIndex the IdP's SessionIndex (named again in a single logout), or null
   */
  public record Authenticated(Bsn bsn, DigidLevel level, Instant authnInstant, Instant sessionNotOnOrAfter, String sessionIndex)
      implements Result {}

  /** The citizen cancelled at DigiD (second-level status AuthnFailed). */
  public record Cancelled() implements Result {}

  private final ServiceProviderConfig config;
  private final ReplayCache replayCache;
  private final Clock clock;

  public ArtifactResponseValidator(ServiceProviderConfig config, ReplayCache replayCache, Clock clock) {
    this.config = config;
    this.replayCache = replayCache;
    this.clock = clock;
  }

  public Result validate(byte[] soapBody, Expectation expected, IdpMetadata idp) throws DigidLoginException {
    Instant now = clock.instant();
    if (soapBody.length > config.maxResponseBytes()) {
      throw new DigidLoginException(RejectionReason.BODY_TOO_LARGE, soapBody.length + " bytes");
    }
    Document document = SecureXml.parse(soapBody);
    Element message;
    try {
      message = Soap11.bodyElement(document);
    } catch (IllegalArgumentException e) {
      throw new DigidLoginException(RejectionReason.SOAP_MALFORMED, e.getMessage());
    }
    if (Soap11.isFault(message)) {
      throw new DigidLoginException(RejectionReason.SOAP_FAULT, "the IdP answered with a SOAP fault");
    }
    if (!Soap11.is(message, SAMLP_NS, "ArtifactResponse")) {
      throw new DigidLoginException(RejectionReason.SOAP_MALFORMED, "the SOAP body holds " + message.getLocalName());
    }
    checkShape(document, message);

    ArtifactResponse artifactResponse;
    try {
      XMLObject object = OpenSaml.unmarshall(message);
      artifactResponse = (ArtifactResponse) object;
    } catch (UnmarshallingException | ClassCastException e) {
      throw new DigidLoginException(RejectionReason.UNEXPECTED_STRUCTURE, "ArtifactResponse cannot be read: " + e.getMessage());
    }
    List<BasicX509Credential> idpKeys = idp.signingCredentials();

    // --- the ArtifactResponse: signed by the IdP, answering our ArtifactResolve
    SignatureChecks.verify(artifactResponse, idpKeys, "ArtifactResponse", RejectionReason.ARTIFACT_RESPONSE_UNSIGNED);
    checkVersion(artifactResponse.getVersion(), "ArtifactResponse");
    checkOptionalIssuer(artifactResponse.getIssuer(), idp, "ArtifactResponse");
    if (!expected.artifactResolveId().equals(artifactResponse.getInResponseTo())) {
      throw new DigidLoginException(
          RejectionReason.ARTIFACT_RESPONSE_IN_RESPONSE_TO_MISMATCH, "ArtifactResponse InResponseTo is not our ArtifactResolve ID");
    }
    checkIssueInstant(artifactResponse.getIssueInstant(), now, "ArtifactResponse");
    if (!isSuccess(artifactResponse.getStatus())) {
      throw new DigidLoginException(
          RejectionReason.ARTIFACT_RESOLUTION_FAILED, "ArtifactResponse status " + statusCodes(artifactResponse.getStatus()));
    }
    if (!(artifactResponse.getMessage() instanceof Response response)) {
      throw new DigidLoginException(RejectionReason.ARTIFACT_UNKNOWN_AT_IDP, "the ArtifactResponse carries no Response");
    }

    // --- the Response
    checkVersion(response.getVersion(), "Response");
    checkOptionalIssuer(response.getIssuer(), idp, "Response");
    if (response.getSignature() != null) {
      SignatureChecks.verify(response, idpKeys, "Response", RejectionReason.SIGNATURE_INVALID);
    }
    if (!config.acsUrl().equals(response.getDestination())) {
      throw new DigidLoginException(RejectionReason.DESTINATION_MISMATCH, "Response Destination is not our ACS URL");
    }
    if (response.getInResponseTo() == null || response.getInResponseTo().isBlank()) {
      throw new DigidLoginException(RejectionReason.IN_RESPONSE_TO_MISSING, "the Response is unsolicited");
    }
    if (!expected.authnRequestId().equals(response.getInResponseTo())) {
      throw new DigidLoginException(
          RejectionReason.IN_RESPONSE_TO_UNKNOWN, "Response InResponseTo is not the AuthnRequest of this login");
    }
    checkIssueInstant(response.getIssueInstant(), now, "Response");
    Status status = response.getStatus();
    if (!isSuccess(status)) {
      if (isAuthnFailed(status)) {
        return new Cancelled();
      }
      throw new DigidLoginException(RejectionReason.IDP_STATUS_ERROR, "Response status " + statusCodes(status));
    }
    if (response.getAssertions().size() != 1) {
      throw new DigidLoginException(
          RejectionReason.UNEXPECTED_STRUCTURE, "a successful Response must carry one Assertion, not " + response.getAssertions().size());
    }
    Assertion assertion = response.getAssertions().get(0);

    // --- the Assertion: its own signature, then single use, then content
    SignatureChecks.verify(assertion, idpKeys, "Assertion", RejectionReason.ASSERTION_UNSIGNED);
    checkVersion(assertion.getVersion(), "Assertion");
    if (assertion.getIssuer() == null || !idp.entityId().equals(assertion.getIssuer().getValue())) {
      throw new DigidLoginException(RejectionReason.ISSUER_MISMATCH, "Assertion Issuer is not the IdP entityID");
    }
    checkIssueInstant(assertion.getIssueInstant(), now, "Assertion");
    Instant keepUntil = replayHorizon(assertion, now);
    if (!replayCache.firstUse(ReplayCache.ASSERTION, assertion.getID(), keepUntil, now)) {
      throw new DigidLoginException(RejectionReason.ASSERTION_REPLAYED, "Assertion ID seen before");
    }
    checkSubjectConfirmation(assertion, expected, now);
    checkConditions(assertion.getConditions(), now);
    AuthnStatement authn = singleAuthnStatement(assertion);
    DigidLevel level = level(authn, expected.requestedLevel());
    Bsn bsn = bsn(assertion);
    return new Authenticated(
        bsn, level, OpenSaml.toInstant(authn.getAuthnInstant()), OpenSaml.toInstant(authn.getSessionNotOnOrAfter()),
        authn.getSessionIndex());
  }

  // ---------------------------------------------------------------- shape (before any signature check)

  private static void checkShape(Document document, Element artifactResponse) throws DigidLoginException {
    NodeList artifactResponses = document.getElementsByTagNameNS(SAMLP_NS, "ArtifactResponse");
    NodeList responses = document.getElementsByTagNameNS(SAMLP_NS, "Response");
    if (artifactResponses.getLength() != 1 || responses.getLength() > 1) {
      throw new DigidLoginException(
          RejectionReason.MESSAGE_WRAPPED,
          artifactResponses.getLength() + " ArtifactResponse and " + responses.getLength() + " Response elements");
    }
    if (responses.getLength() == 1 && responses.item(0).getParentNode() != artifactResponse) {
      throw new DigidLoginException(RejectionReason.MESSAGE_WRAPPED, "the Response is not a child of the ArtifactResponse");
    }
    NodeList assertions = document.getElementsByTagNameNS(SAML_NS, "Assertion");
    if (assertions.getLength() > 1) {
      throw new DigidLoginException(RejectionReason.MULTIPLE_ASSERTIONS, assertions.getLength() + " Assertion elements");
    }
    if (assertions.getLength() == 1
        && (responses.getLength() == 0 || assertions.item(0).getParentNode() != responses.item(0))) {
      throw new DigidLoginException(RejectionReason.ASSERTION_MISPLACED, "the Assertion is not a child of the Response");
    }
    checkUniqueIds(document.getDocumentElement(), new HashSet<>());
    NodeList signatures = document.getElementsByTagNameNS(DSIG_NS, "Signature");
    for (int i = 0; i < signatures.getLength(); i++) {
      Node parent = signatures.item(i).getParentNode();
      boolean allowed =
          parent == artifactResponse
              || (responses.getLength() == 1 && parent == responses.item(0))
              || (assertions.getLength() == 1 && parent == assertions.item(0));
      if (!allowed) {
        throw new DigidLoginException(
            RejectionReason.SIGNATURE_MISPLACED, "a Signature inside " + parent.getLocalName());
      }
    }
    // algorithms are checked on the DOM before Santuario instantiates anything named in the message
    checkAlgorithms(document, "SignatureMethod", SignatureChecks.ALLOWED_SIGNATURE_ALGORITHMS);
    checkAlgorithms(document, "DigestMethod", SignatureChecks.ALLOWED_DIGEST_ALGORITHMS);
    checkAlgorithms(document, "CanonicalizationMethod", SignatureChecks.ALLOWED_CANONICALIZATIONS);
    // OpenSAML refuses comments inside text content while unmarshalling; name the attack before it does
    NodeList nameIds = document.getElementsByTagNameNS(SAML_NS, "NameID");
    for (int i = 0; i < nameIds.getLength(); i++) {
      checkSingleTextNode((Element) nameIds.item(i));
    }
    if (document.getElementsByTagNameNS(SAML_NS, "EncryptedAssertion").getLength() > 0) {
      throw new DigidLoginException(RejectionReason.ENCRYPTED_ASSERTION_UNSUPPORTED, "EncryptedAssertion present");
    }
  }

  private static void checkAlgorithms(Document document, String element, Set<String> allowed) throws DigidLoginException {
    NodeList methods = document.getElementsByTagNameNS(DSIG_NS, element);
    for (int i = 0; i < methods.getLength(); i++) {
      String algorithm = ((Element) methods.item(i)).getAttribute("Algorithm");
      if (!allowed.contains(algorithm)) {
        throw new DigidLoginException(RejectionReason.SIGNATURE_ALGORITHM_FORBIDDEN, element + " " + algorithm);
      }
    }
  }

  /**
   * Comment injection: exclusive C14N drops comments, so "s00000000:1234<!---->56782" keeps a valid
   * signature while code that reads the first text node sees another value. Accept one text node only.
   */
  private static void checkSingleTextNode(Element nameId) throws DigidLoginException {
    Node only = nameId.getFirstChild();
    if (only == null || only.getNodeType() != Node.TEXT_NODE || only.getNextSibling() != null) {
      throw new DigidLoginException(RejectionReason.NAMEID_COMMENT_OR_SPLIT, "NameID is not exactly one text node");
    }
  }

  /** Every ID-like attribute value must be unique: a duplicate lets a reference resolve to the wrong element. */
  private static void checkUniqueIds(Element element, Set<String> seen) throws DigidLoginException {
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
      boolean idLike =
          (attribute.getNamespaceURI() == null && (name.equals("ID") || name.equals("Id") || name.equals("id")))
              || ("http://www.w3.org/XML/1998/namespace".equals(attribute.getNamespaceURI()) && name.equals("id"));
      if (idLike && !seen.add(attribute.getValue())) {
        throw new DigidLoginException(RejectionReason.DUPLICATE_ID, "ID value used twice");
      }
    }
    for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element child) {
        checkUniqueIds(child, seen);
      }
    }
  }

  // ---------------------------------------------------------------- protocol

  private static void checkVersion(SAMLVersion version, String what) throws DigidLoginException {
    if (version == null || !SAMLVersion.VERSION_20.equals(version)) {
      throw new DigidLoginException(RejectionReason.UNEXPECTED_STRUCTURE, what + " is not SAML 2.0");
    }
  }

  private static void checkOptionalIssuer(Issuer issuer, IdpMetadata idp, String what) throws DigidLoginException {
    if (issuer != null && !idp.entityId().equals(issuer.getValue())) {
      throw new DigidLoginException(RejectionReason.ISSUER_MISMATCH, what + " Issuer is not the IdP entityID");
    }
  }

  private void checkIssueInstant(DateTime issueInstant, Instant now, String what) throws DigidLoginException {
    Instant issued = OpenSaml.toInstant(issueInstant);
    if (issued == null
        || issued.isAfter(now.plus(config.clockSkew()))
        || issued.isBefore(now.minus(config.messageMaxAge()).minus(config.clockSkew()))) {
      throw new DigidLoginException(RejectionReason.ISSUE_INSTANT_OUT_OF_RANGE, what + " IssueInstant " + issued + " at " + now);
    }
  }

  private static boolean isSuccess(Status status) {
    return status != null
        && status.getStatusCode() != null
        && StatusCode.SUCCESS.equals(status.getStatusCode().getValue());
  }

  private static boolean isAuthnFailed(Status status) {
    if (status == null || status.getStatusCode() == null) {
      return false;
    }
    StatusCode second = status.getStatusCode().getStatusCode();
    return second != null && StatusCode.AUTHN_FAILED.equals(second.getValue());
  }

  /** Status codes only: a StatusMessage is free text from outside and stays out of the log. */
  private static String statusCodes(Status status) {
    if (status == null || status.getStatusCode() == null) {
      return "(none)";
    }
    StringBuilder codes = new StringBuilder(String.valueOf(status.getStatusCode().getValue()));
    StatusCode nested = status.getStatusCode().getStatusCode();
    while (nested != null) {
      codes.append(" / ").append(nested.getValue());
      nested = nested.getStatusCode();
    }
    return codes.toString();
  }

  // ---------------------------------------------------------------- assertion

  private Instant replayHorizon(Assertion assertion, Instant now) throws DigidLoginException {
    Instant latest = now;
    Conditions conditions = assertion.getConditions();
    if (conditions != null && conditions.getNotOnOrAfter() != null) {
      latest = max(latest, OpenSaml.toInstant(conditions.getNotOnOrAfter()));
    }
    if (assertion.getSubject() != null) {
      for (SubjectConfirmation confirmation : assertion.getSubject().getSubjectConfirmations()) {
        SubjectConfirmationData data = confirmation.getSubjectConfirmationData();
        if (data != null && data.getNotOnOrAfter() != null) {
          latest = max(latest, OpenSaml.toInstant(data.getNotOnOrAfter()));
        }
      }
    }
    if (latest.isAfter(now.plus(config.maxAssertionLifetime()))) {
      throw new DigidLoginException(
          RejectionReason.ASSERTION_VALIDITY_TOO_LONG, "valid until " + latest + ", more than " + config.maxAssertionLifetime());
    }
    return latest.plus(config.clockSkew());
  }

  private void checkSubjectConfirmation(Assertion assertion, Expectation expected, Instant now) throws DigidLoginException {
    if (assertion.getSubject() == null) {
      throw new DigidLoginException(RejectionReason.SUBJECT_CONFIRMATION_INVALID, "no Subject");
    }
    DigidLoginException first = null;
    int bearers = 0;
    for (SubjectConfirmation confirmation : assertion.getSubject().getSubjectConfirmations()) {
      if (!BEARER.equals(confirmation.getMethod()) || confirmation.getSubjectConfirmationData() == null) {
        continue;
      }
      bearers++;
      try {
        checkBearer(confirmation.getSubjectConfirmationData(), expected, now);
        return;
      } catch (DigidLoginException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (bearers == 0) {
      throw new DigidLoginException(RejectionReason.SUBJECT_CONFIRMATION_INVALID, "no bearer SubjectConfirmation with data");
    }
    throw first;
  }

  private void checkBearer(SubjectConfirmationData data, Expectation expected, Instant now) throws DigidLoginException {
    if (!config.acsUrl().equals(data.getRecipient())) {
      throw new DigidLoginException(RejectionReason.RECIPIENT_MISMATCH, "SubjectConfirmationData Recipient is not our ACS URL");
    }
    if (!expected.authnRequestId().equals(data.getInResponseTo())) {
      throw new DigidLoginException(
          RejectionReason.IN_RESPONSE_TO_MISMATCH, "SubjectConfirmationData InResponseTo is not our AuthnRequest ID");
    }
    Instant notOnOrAfter = OpenSaml.toInstant(data.getNotOnOrAfter());
    if (notOnOrAfter == null) {
      throw new DigidLoginException(RejectionReason.SUBJECT_CONFIRMATION_INVALID, "bearer SubjectConfirmationData without NotOnOrAfter");
    }
    if (!now.minus(config.clockSkew()).isBefore(notOnOrAfter)) {
      throw new DigidLoginException(RejectionReason.ASSERTION_EXPIRED, "SubjectConfirmationData NotOnOrAfter " + notOnOrAfter + " at " + now);
    }
    Instant notBefore = OpenSaml.toInstant(data.getNotBefore());
    if (notBefore != null && notBefore.isAfter(now.plus(config.clockSkew()))) {
      throw new DigidLoginException(RejectionReason.ASSERTION_NOT_YET_VALID, "SubjectConfirmationData NotBefore " + notBefore + " at " + now);
    }
  }

  private void checkConditions(Conditions conditions, Instant now) throws DigidLoginException {
    if (conditions == null) {
      throw new DigidLoginException(RejectionReason.AUDIENCE_MISMATCH, "no Conditions, so no AudienceRestriction");
    }
    Instant notBefore = OpenSaml.toInstant(conditions.getNotBefore());
    if (notBefore != null && notBefore.isAfter(now.plus(config.clockSkew()))) {
      throw new DigidLoginException(RejectionReason.ASSERTION_NOT_YET_VALID, "Conditions NotBefore " + notBefore + " at " + now);
    }
    Instant notOnOrAfter = OpenSaml.toInstant(conditions.getNotOnOrAfter());
    if (notOnOrAfter != null && !now.minus(config.clockSkew()).isBefore(notOnOrAfter)) {
      throw new DigidLoginException(RejectionReason.ASSERTION_EXPIRED, "Conditions NotOnOrAfter " + notOnOrAfter + " at " + now);
    }
    List<AudienceRestriction> restrictions = conditions.getAudienceRestrictions();
    if (restrictions.isEmpty()) {
      throw new DigidLoginException(RejectionReason.AUDIENCE_MISMATCH, "no AudienceRestriction");
    }
    // every restriction must be met (Core §2.5.1.4)
    for (AudienceRestriction restriction : restrictions) {
      boolean ours = restriction.getAudiences().stream().map(Audience::getAudienceURI).anyMatch(config.entityId()::equals);
      if (!ours) {
        throw new DigidLoginException(RejectionReason.AUDIENCE_MISMATCH, "an AudienceRestriction does not name our entityID");
      }
    }
  }

  private static AuthnStatement singleAuthnStatement(Assertion assertion) throws DigidLoginException {
    if (assertion.getAuthnStatements().size() != 1) {
      throw new DigidLoginException(
          RejectionReason.AUTHN_STATEMENT_INVALID, assertion.getAuthnStatements().size() + " AuthnStatements");
    }
    AuthnStatement statement = assertion.getAuthnStatements().get(0);
    if (statement.getAuthnContext() == null
        || statement.getAuthnContext().getAuthnContextClassRef() == null
        || statement.getAuthnInstant() == null) {
      throw new DigidLoginException(RejectionReason.AUTHN_STATEMENT_INVALID, "no AuthnContextClassRef or AuthnInstant");
    }
    return statement;
  }

  private static DigidLevel level(AuthnStatement statement, DigidLevel requested) throws DigidLoginException {
    String classRef = statement.getAuthnContext().getAuthnContextClassRef().getAuthnContextClassRef();
    DigidLevel level =
        DigidLevel.fromAuthnContextClassRef(classRef)
            .orElseThrow(() -> new DigidLoginException(RejectionReason.LEVEL_UNKNOWN, "AuthnContextClassRef " + classRef));
    if (!level.isAtLeast(requested)) {
      throw new DigidLoginException(RejectionReason.LEVEL_TOO_LOW, "returned " + level + ", requested " + requested);
    }
    return level;
  }

  private static Bsn bsn(Assertion assertion) throws DigidLoginException {
    NameID nameId = assertion.getSubject().getNameID();
    if (nameId == null || nameId.getDOM() == null) {
      throw new DigidLoginException(RejectionReason.NAMEID_MISSING, "no NameID");
    }
    // checked on the DOM before unmarshalling too; again here on the object actually used
    checkSingleTextNode(nameId.getDOM());
    String value = nameId.getDOM().getFirstChild().getNodeValue();
    int colon = value.indexOf(':');
    String sector = colon < 0 ? "" : value.substring(0, colon);
    if (!BSN_SECTOR.equals(sector)) {
      String shown = SECTOR_PREFIX.matcher(sector).matches() ? sector : "(not a sector code)";
      throw new DigidLoginException(RejectionReason.SECTOR_NOT_ALLOWED, "NameID sector " + shown);
    }
    String digits = value.substring(colon + 1);
    if (!Bsn.isValid(digits)) {
      throw new DigidLoginException(RejectionReason.BSN_INVALID, "the BSN in the NameID fails the 11-proof or format");
    }
    return Bsn.of(digits);
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
