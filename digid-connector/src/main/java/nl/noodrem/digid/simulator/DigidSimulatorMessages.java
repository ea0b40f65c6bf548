package nl.noodrem.digid.simulator;

import java.time.Duration;
import java.time.Instant;
import nl.noodrem.digid.saml.OpenSaml;
import nl.noodrem.digid.saml.SamlSigner;
import nl.noodrem.digid.saml.Soap11;
import org.opensaml.saml.common.SAMLObject;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.ArtifactResponse;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.AuthenticatingAuthority;
import org.opensaml.saml.saml2.core.AuthnContext;
import org.opensaml.saml.saml2.core.AuthnContextClassRef;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.Subject;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;
import org.opensaml.security.x509.BasicX509Credential;
import org.w3c.dom.Element;

/**
 * DEV ONLY. Builds the messages a DigiD-like IdP sends: a Response with one signed Assertion shaped as
 * DigiD shapes it (NameID {@code s00000000:<BSN>}, bearer confirmation, audience, AuthnContextClassRef, no
 * AttributeStatement) or an AuthnFailed Response, inside a signed ArtifactResponse in a SOAP envelope.
 *
 * <p>Every field is settable through {@link Spec} so that the attack tests can produce exactly the
 * malformed or hostile message they need with the same code the simulator uses for good ones.
 */
public final class DigidSimulatorMessages {

  private DigidSimulatorMessages() {}

  /** Everything that varies in a Response; defaults are those of a valid DigiD answer. */
  public static final class Spec {
    public String idpEntityId;
    public String spEntityId;
    public String acsUrl;
    public String inResponseTo;
    /** SubjectConfirmationData InResponseTo; defaults to {@link #inResponseTo}. */
    public String confirmationInResponseTo;
    /** SubjectConfirmationData Recipient; defaults to {@link #acsUrl}. */
    public String recipient;
    /** Response Destination; defaults to {@link #acsUrl}. */
    public String destination;
    /** Audience; defaults to {@link #spEntityId}. */
    public String audience;
    public String nameId;
    public String authnContextClassRef;
    public Instant issueInstant;
    public Instant notBefore;
    public Instant notOnOrAfter;
    public Instant sessionNotOnOrAfter;
    public String statusCode = StatusCode.SUCCESS;
    public String secondLevelStatusCode;
    public String assertionId = OpenSaml.newId();
    public String responseId = OpenSaml.newId();
    /** The AuthnStatement's SessionIndex: the IdP session a single logout names later. */
    public String sessionIndex = OpenSaml.newId();

    public Spec(String idpEntityId, String spEntityId, String acsUrl, String inResponseTo, String nameId, String classRef, Instant now) {
      this.idpEntityId = idpEntityId;
      this.spEntityId = spEntityId;
      this.acsUrl = acsUrl;
      this.inResponseTo = inResponseTo;
      this.nameId = nameId;
      this.authnContextClassRef = classRef;
      this.issueInstant = now;
      this.notBefore = now.minus(Duration.ofSeconds(5));
      this.notOnOrAfter = now.plus(Duration.ofMinutes(2));
    }

    /** The Response DigiD sends when the citizen cancels: Responder / AuthnFailed, no assertion. */
    public Spec cancelled() {
      statusCode = StatusCode.RESPONDER;
      secondLevelStatusCode = StatusCode.AUTHN_FAILED;
      return this;
    }
  }

  /**
   * Builds the Response; the assertion is signed with {@code assertionSigner} unless it is null.
   */
  public static Response response(Spec spec, BasicX509Credential assertionSigner) {
    return response(spec, assertionSigner, SamlSigner.RSA_SHA256, SamlSigner.SHA256);
  }

  public static Response response(Spec spec, BasicX509Credential assertionSigner, String signatureAlgorithm, String digestAlgorithm) {
    Response response = OpenSaml.build(Response.DEFAULT_ELEMENT_NAME);
    response.setID(spec.responseId);
    response.setVersion(SAMLVersion.VERSION_20);
    response.setIssueInstant(OpenSaml.toDateTime(spec.issueInstant));
    response.setDestination(spec.destination != null ? spec.destination : spec.acsUrl);
    response.setInResponseTo(spec.inResponseTo);
    response.setIssuer(issuer(spec.idpEntityId));
    response.setStatus(status(spec.statusCode, spec.secondLevelStatusCode));
    if (StatusCode.SUCCESS.equals(spec.statusCode)) {
      Assertion assertion = assertion(spec);
      if (assertionSigner != null) {
        SamlSigner.sign(assertion, assertionSigner, signatureAlgorithm, digestAlgorithm);
      }
      response.getAssertions().add(assertion);
    }
    return response;
  }

  /** The unsigned Assertion for {@code spec}. */
  public static Assertion assertion(Spec spec) {
    Assertion assertion = OpenSaml.build(Assertion.DEFAULT_ELEMENT_NAME);
    assertion.setID(spec.assertionId);
    assertion.setVersion(SAMLVersion.VERSION_20);
    assertion.setIssueInstant(OpenSaml.toDateTime(spec.issueInstant));
    assertion.setIssuer(issuer(spec.idpEntityId));

    Subject subject = OpenSaml.build(Subject.DEFAULT_ELEMENT_NAME);
    NameID nameId = OpenSaml.build(NameID.DEFAULT_ELEMENT_NAME);
    nameId.setValue(spec.nameId);
    subject.setNameID(nameId);
    SubjectConfirmation confirmation = OpenSaml.build(SubjectConfirmation.DEFAULT_ELEMENT_NAME);
    confirmation.setMethod(SubjectConfirmation.METHOD_BEARER);
    SubjectConfirmationData data = OpenSaml.build(SubjectConfirmationData.DEFAULT_ELEMENT_NAME);
    data.setInResponseTo(spec.confirmationInResponseTo != null ? spec.confirmationInResponseTo : spec.inResponseTo);
    data.setRecipient(spec.recipient != null ? spec.recipient : spec.acsUrl);
    data.setNotOnOrAfter(OpenSaml.toDateTime(spec.notOnOrAfter));
    confirmation.setSubjectConfirmationData(data);
    subject.getSubjectConfirmations().add(confirmation);
    assertion.setSubject(subject);

    Conditions conditions = OpenSaml.build(Conditions.DEFAULT_ELEMENT_NAME);
    conditions.setNotBefore(OpenSaml.toDateTime(spec.notBefore));
    conditions.setNotOnOrAfter(OpenSaml.toDateTime(spec.notOnOrAfter));
    AudienceRestriction restriction = OpenSaml.build(AudienceRestriction.DEFAULT_ELEMENT_NAME);
    Audience audience = OpenSaml.build(Audience.DEFAULT_ELEMENT_NAME);
    audience.setAudienceURI(spec.audience != null ? spec.audience : spec.spEntityId);
    restriction.getAudiences().add(audience);
    conditions.getAudienceRestrictions().add(restriction);
    assertion.setConditions(conditions);

    AuthnStatement statement = OpenSaml.build(AuthnStatement.DEFAULT_ELEMENT_NAME);
    statement.setAuthnInstant(OpenSaml.toDateTime(spec.issueInstant));
    statement.setSessionIndex(spec.sessionIndex);
    if (spec.sessionNotOnOrAfter != null) {
      statement.setSessionNotOnOrAfter(OpenSaml.toDateTime(spec.sessionNotOnOrAfter));
    }
    AuthnContext context = OpenSaml.build(AuthnContext.DEFAULT_ELEMENT_NAME);
    AuthnContextClassRef classRef = OpenSaml.build(AuthnContextClassRef.DEFAULT_ELEMENT_NAME);
    classRef.setAuthnContextClassRef(spec.authnContextClassRef);
    context.setAuthnContextClassRef(classRef);
    AuthenticatingAuthority authority = OpenSaml.build(AuthenticatingAuthority.DEFAULT_ELEMENT_NAME);
    authority.setURI(spec.idpEntityId);
    context.getAuthenticatingAuthorities().add(authority);
    statement.setAuthnContext(context);
    assertion.getAuthnStatements().add(statement);
    return assertion;
  }

  /** An ArtifactResponse answering {@code artifactResolveId}, carrying {@code message} (null: unknown artifact). */
  public static ArtifactResponse artifactResponse(String idpEntityId, String artifactResolveId, SAMLObject message, Instant now) {
    ArtifactResponse artifactResponse = OpenSaml.build(ArtifactResponse.DEFAULT_ELEMENT_NAME);
    artifactResponse.setID(OpenSaml.newId());
    artifactResponse.setVersion(SAMLVersion.VERSION_20);
    artifactResponse.setIssueInstant(OpenSaml.toDateTime(now));
    artifactResponse.setInResponseTo(artifactResolveId);
    artifactResponse.setIssuer(issuer(idpEntityId));
    artifactResponse.setStatus(status(StatusCode.SUCCESS, null));
    if (message != null) {
      artifactResponse.setMessage(message);
    }
    return artifactResponse;
  }

  /** Signs the ArtifactResponse (unless {@code signer} is null) and wraps it in a SOAP 1.1 envelope. */
  public static byte[] soap(ArtifactResponse artifactResponse, BasicX509Credential signer) {
    Element element = signer == null ? OpenSaml.marshall(artifactResponse) : SamlSigner.sign(artifactResponse, signer);
    return Soap11.wrap(element);
  }

  static Issuer issuer(String entityId) {
    Issuer issuer = OpenSaml.build(Issuer.DEFAULT_ELEMENT_NAME);
    issuer.setValue(entityId);
    return issuer;
  }

  static Status status(String code, String secondLevel) {
    Status status = OpenSaml.build(Status.DEFAULT_ELEMENT_NAME);
    StatusCode top = OpenSaml.build(StatusCode.DEFAULT_ELEMENT_NAME);
    top.setValue(code);
    if (secondLevel != null) {
      StatusCode second = OpenSaml.build(StatusCode.DEFAULT_ELEMENT_NAME);
      second.setValue(secondLevel);
      top.setStatusCode(second);
    }
    status.setStatusCode(top);
    return status;
  }
}
