package nl.noodrem.digid;

/**
 * Why a DigiD login was refused. Each reason is logged as {@code reason=<NAME>} (never with the BSN) so that
 * an operator can tell the attack classes and the configuration faults apart; the citizen only ever sees
 * Logius' fixed error text ({@link DigidMessages#ERROR}).
 *
 * <p>The names are an interface for operations (alerts, dashboards): do not rename them.
 */
public enum RejectionReason {
  // --- the request reaching the ACS
  ACS_PARAMETERS_INVALID("SAMLart or RelayState missing, repeated or malformed"),
  ARTIFACT_MALFORMED("SAMLart is not a SAML 2.0 type 0x0004 artifact"),
  ARTIFACT_SOURCE_UNKNOWN("the artifact's SourceID is not the IdP from metadata"),
  ARTIFACT_ENDPOINT_UNKNOWN("the artifact's endpoint index names no ArtifactResolutionService in metadata"),
  ARTIFACT_REPLAYED("this artifact was presented before"),
  RELAY_STATE_UNKNOWN("RelayState names no pending login (expired, already used, or never ours)"),
  BROWSER_BINDING_MISMATCH("the response belongs to a login started in another browser"),

  // --- artifact resolution transport
  IDP_METADATA_UNAVAILABLE("no valid IdP metadata is loaded"),
  ARTIFACT_RESOLUTION_TRANSPORT("the SOAP call failed (TLS, connection, timeout)"),
  ARTIFACT_RESOLUTION_HTTP_STATUS("the SOAP endpoint answered with a non-200 status"),

  // --- the body
  BODY_TOO_LARGE("the body exceeds the configured maximum size"),
  NOT_XML("the body is not well-formed XML"),
  DOCTYPE_FORBIDDEN("the body carries a DOCTYPE (DTD, entities, XXE)"),
  SOAP_MALFORMED("not a SOAP 1.1 envelope with exactly one body element"),
  SOAP_FAULT("the IdP answered with a SOAP fault"),

  // --- structure (XML signature wrapping defences run before any signature is checked)
  MESSAGE_WRAPPED("more than one ArtifactResponse or Response, or one out of place (signature wrapping)"),
  DUPLICATE_ID("two elements carry the same ID attribute"),
  UNEXPECTED_STRUCTURE("an element is missing, repeated or in a place SAML does not allow"),
  MULTIPLE_ASSERTIONS("more than one Assertion in the message (signature wrapping)"),
  ASSERTION_MISPLACED("the Assertion is not a direct child of the Response (signature wrapping)"),
  SIGNATURE_MISPLACED("a Signature is not a direct child of the element it signs (signature wrapping)"),
  ENCRYPTED_ASSERTION_UNSUPPORTED("an EncryptedAssertion was sent"),

  // --- signatures
  ARTIFACT_RESPONSE_UNSIGNED("the ArtifactResponse carries no signature"),
  ASSERTION_UNSIGNED("the Assertion carries no signature"),
  SIGNATURE_PROFILE_INVALID("the signature does not sign exactly its parent element by ID with the SAML transforms"),
  SIGNATURE_ALGORITHM_FORBIDDEN("the signature or digest algorithm is not on the allow-list (e.g. RSA-SHA1)"),
  KEYINFO_NOT_FROM_METADATA("the KeyInfo carries a certificate that is not the IdP's signing certificate"),
  SIGNATURE_INVALID("the signature does not verify with the IdP signing key from metadata"),

  // --- protocol
  ISSUER_MISMATCH("an Issuer differs from the IdP entityID"),
  ARTIFACT_RESPONSE_IN_RESPONSE_TO_MISMATCH("the ArtifactResponse does not answer our ArtifactResolve"),
  ARTIFACT_RESOLUTION_FAILED("the ArtifactResponse status is not Success"),
  ARTIFACT_UNKNOWN_AT_IDP("the IdP returned no message for the artifact"),
  ISSUE_INSTANT_OUT_OF_RANGE("a message was issued in the future or too long ago"),
  DESTINATION_MISMATCH("Response Destination is not our ACS"),
  IN_RESPONSE_TO_MISSING("the Response carries no InResponseTo (unsolicited)"),
  IN_RESPONSE_TO_UNKNOWN("InResponseTo names no pending AuthnRequest of ours (foreign, expired or used)"),
  IN_RESPONSE_TO_MISMATCH("SubjectConfirmationData InResponseTo differs from the Response's"),
  IDP_STATUS_ERROR("the IdP reported an error status other than AuthnFailed"),
  ASSERTION_REPLAYED("this Assertion ID was accepted before"),

  // --- the assertion
  SUBJECT_CONFIRMATION_INVALID("no bearer SubjectConfirmation with SubjectConfirmationData"),
  RECIPIENT_MISMATCH("SubjectConfirmationData Recipient is not our ACS"),
  AUDIENCE_MISMATCH("the AudienceRestriction does not name our entityID"),
  ASSERTION_NOT_YET_VALID("NotBefore lies in the future (beyond the clock skew)"),
  ASSERTION_EXPIRED("NotOnOrAfter has passed (beyond the clock skew)"),
  ASSERTION_VALIDITY_TOO_LONG("the assertion claims a validity longer than allowed"),
  AUTHN_STATEMENT_INVALID("not exactly one AuthnStatement with one AuthnContextClassRef"),
  LEVEL_UNKNOWN("the AuthnContextClassRef is not a DigiD level"),
  LEVEL_TOO_LOW("the returned level is below the requested one"),
  NAMEID_MISSING("no NameID in the Subject"),
  NAMEID_COMMENT_OR_SPLIT("the NameID holds a comment or more than one text node (comment injection)"),
  SECTOR_NOT_ALLOWED("the NameID sector is not s00000000 (BSN)"),
  BSN_INVALID("the BSN fails the 11-proof or is not 9 digits"),

  // --- single logout (logged as "DigiD logout rejected")
  LOGOUT_MESSAGE_INVALID("a LogoutRequest or LogoutResponse is missing, unreadable or not the expected element"),
  LOGOUT_MESSAGE_UNSIGNED("a LogoutRequest or LogoutResponse is not signed"),
  LOGOUT_RESPONSE_UNKNOWN("a LogoutResponse answers no LogoutRequest we sent (unsolicited, used or expired)"),
  LOGOUT_REQUEST_REPLAYED("a LogoutRequest ID was seen before"),
  LOGOUT_FAILED_AT_IDP("the IdP answered a LogoutRequest with a status other than Success"),

  INTERNAL_ERROR("an unexpected error in the service provider");

  private final String description;

  RejectionReason(String description) {
    this.description = description;
  }

  /** One line for operators; never contains message content. */
  public String description() {
    return description;
  }
}
