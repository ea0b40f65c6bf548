package nl.noodrem.digid.saml;

import java.time.Instant;
import java.util.List;
import nl.noodrem.digid.DigidLoginException;
import nl.noodrem.digid.RejectionReason;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.io.UnmarshallingException;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.SessionIndex;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * SAML 2.0 single logout messages (Core §3.7), built and read the same way by the service provider and the
 * development simulator: {@code LogoutRequest} naming the NameID and SessionIndex, {@code LogoutResponse}
 * answering it. Signing is the binding's job (query string for HTTP-Redirect, enveloped for SOAP).
 */
public final class LogoutMessages {

  public static final String SAMLP_NS = "urn:oasis:names:tc:SAML:2.0:protocol";

  private LogoutMessages() {}

  /** An unsigned LogoutRequest for {@code nameId}; {@code sessionIndex} may be null (every session). */
  public static LogoutRequest request(
      String id, String issuer, String destination, String nameId, String sessionIndex, Instant now, Instant notOnOrAfter) {
    LogoutRequest request = OpenSaml.build(LogoutRequest.DEFAULT_ELEMENT_NAME);
    request.setID(id);
    request.setVersion(SAMLVersion.VERSION_20);
    request.setIssueInstant(OpenSaml.toDateTime(now));
    request.setDestination(destination);
    request.setNotOnOrAfter(OpenSaml.toDateTime(notOnOrAfter));
    request.setIssuer(issuer(issuer));
    NameID name = OpenSaml.build(NameID.DEFAULT_ELEMENT_NAME);
    name.setValue(nameId);
    request.setNameID(name);
    if (sessionIndex != null) {
      SessionIndex index = OpenSaml.build(SessionIndex.DEFAULT_ELEMENT_NAME);
      index.setSessionIndex(sessionIndex);
      request.getSessionIndexes().add(index);
    }
    return request;
  }

  /** An unsigned LogoutResponse with top-level status {@code statusCode} ({@link StatusCode#SUCCESS} etc.). */
  public static LogoutResponse response(String id, String issuer, String destination, String inResponseTo, String statusCode, Instant now) {
    LogoutResponse response = OpenSaml.build(LogoutResponse.DEFAULT_ELEMENT_NAME);
    response.setID(id);
    response.setVersion(SAMLVersion.VERSION_20);
    response.setIssueInstant(OpenSaml.toDateTime(now));
    response.setDestination(destination);
    response.setInResponseTo(inResponseTo);
    response.setIssuer(issuer(issuer));
    Status status = OpenSaml.build(Status.DEFAULT_ELEMENT_NAME);
    StatusCode code = OpenSaml.build(StatusCode.DEFAULT_ELEMENT_NAME);
    code.setValue(statusCode);
    status.setStatusCode(code);
    response.setStatus(status);
    return response;
  }

  /** True when the top-level status is Success. */
  public static boolean isSuccess(Status status) {
    return status != null && status.getStatusCode() != null && StatusCode.SUCCESS.equals(status.getStatusCode().getValue());
  }

  /** The top-level status code, for logs (never a StatusMessage: free text from outside). */
  public static String statusCode(Status status) {
    return status == null || status.getStatusCode() == null ? "(none)" : String.valueOf(status.getStatusCode().getValue());
  }

  /**
   * Reads {@code xml} as exactly one {@code samlp:<localName>} that is the document element and the only
   * such element in the document (no wrapping), e.g. from an HTTP-Redirect binding.
   */
  public static <T extends XMLObject> T read(byte[] xml, String localName, Class<T> type) throws DigidLoginException {
    return read(SecureXml.parse(xml).getDocumentElement(), localName, type);
  }

  /** As {@link #read(byte[], String, Class)} for an element already parsed (the body of a SOAP envelope). */
  public static <T extends XMLObject> T read(Element element, String localName, Class<T> type) throws DigidLoginException {
    Document document = element.getOwnerDocument();
    if (!Soap11.is(element, SAMLP_NS, localName) || document.getElementsByTagNameNS(SAMLP_NS, localName).getLength() != 1) {
      throw new DigidLoginException(RejectionReason.LOGOUT_MESSAGE_INVALID, "expected exactly one " + localName);
    }
    try {
      XMLObject object = OpenSaml.unmarshall(element);
      if (!type.isInstance(object)) {
        throw new DigidLoginException(RejectionReason.LOGOUT_MESSAGE_INVALID, "not a " + localName);
      }
      return type.cast(object);
    } catch (UnmarshallingException e) {
      throw new DigidLoginException(RejectionReason.LOGOUT_MESSAGE_INVALID, localName + " cannot be read: " + e.getMessage());
    }
  }

  /** The session indexes of a LogoutRequest, in order. */
  public static List<String> sessionIndexes(LogoutRequest request) {
    return request.getSessionIndexes().stream().map(SessionIndex::getSessionIndex).toList();
  }

  private static Issuer issuer(String value) {
    Issuer issuer = OpenSaml.build(Issuer.DEFAULT_ELEMENT_NAME);
    issuer.setValue(value);
    return issuer;
  }
}
