package nl.noodrem.digid.saml;

import nl.noodrem.digid.RejectionReason;
import nl.noodrem.digid.support.ResponseCrafter;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * XML signature wrapping, XSW1–8 (Somorovsky et al., "On Breaking SAML", 2012; the variants as SAML
 * Raider names them). XSW1–2 wrap the outer signed message (here the ArtifactResponse) and keep its
 * original signature; XSW3–8 wrap the signed Assertion and are then given a valid outer signature by the
 * IdP key, so only the structural defences can catch them.
 */
class SignatureWrappingAttackTest extends AttackTestSupport {

  @Test
  void validate_xsw1_signedMessageInsideSignatureOfEvilCopy_isRejected() throws Exception {
    assertRejected(
        (s, id) -> ResponseCrafter.mutateSoap(crafter.valid(id, crafter.spec(s.requestId())), soap -> {
          Element original = soapArtifactResponse(soap);
          Element evil = (Element) original.cloneNode(true);
          evil.setAttributeNS(null, "ID", "_evil-xsw1");
          all(evil, SAML, "NameID").get(0).setTextContent("s00000000:" + OTHER_BSN);
          child(evil, DSIG, "Signature").appendChild(original.cloneNode(true));
          original.getParentNode().replaceChild(evil, original);
        }),
        RejectionReason.MESSAGE_WRAPPED);
  }

  @Test
  void validate_xsw2_signedMessageAsSiblingBeforeDetachedSignature_isRejected() throws Exception {
    assertRejected(
        (s, id) -> ResponseCrafter.mutateSoap(crafter.valid(id, crafter.spec(s.requestId())), soap -> {
          Element original = soapArtifactResponse(soap);
          Element evil = (Element) original.cloneNode(true);
          evil.setAttributeNS(null, "ID", "_evil-xsw2");
          all(evil, SAML, "NameID").get(0).setTextContent("s00000000:" + OTHER_BSN);
          evil.insertBefore(original.cloneNode(true), child(evil, DSIG, "Signature"));
          original.getParentNode().replaceChild(evil, original);
        }),
        RejectionReason.MESSAGE_WRAPPED);
  }

  @Test
  void validate_xsw3_evilAssertionBeforeSignedOne_isRejected() throws Exception {
    assertRejected(
        (s, id) -> crafter.mutateResponse(id, crafter.spec(s.requestId()), response -> {
          Element signed = assertionOf(response);
          response.insertBefore(evilCopy(signed, "_evil-xsw3"), signed);
        }),
        RejectionReason.MULTIPLE_ASSERTIONS);
  }

  @Test
  void validate_xsw4_signedAssertionInsideEvilAssertion_isRejected() throws Exception {
    assertRejected(
        (s, id) -> crafter.mutateResponse(id, crafter.spec(s.requestId()), response -> {
          Element signed = assertionOf(response);
          Element evil = evilCopy(signed, "_evil-xsw4");
          response.replaceChild(evil, signed);
          evil.appendChild(signed);
        }),
        RejectionReason.MULTIPLE_ASSERTIONS);
  }

  @Test
  void validate_xsw5_alteredSignedAssertionPlusUnsignedOriginalCopy_isRejected() throws Exception {
    assertRejected(
        (s, id) -> crafter.mutateResponse(id, crafter.spec(s.requestId()), response -> {
          Element signed = assertionOf(response);
          Element copy = (Element) signed.cloneNode(true);
          copy.removeChild(child(copy, DSIG, "Signature"));
          all(signed, SAML, "NameID").get(0).setTextContent("s00000000:" + OTHER_BSN);
          response.appendChild(copy);
        }),
        RejectionReason.MULTIPLE_ASSERTIONS);
  }

  @Test
  void validate_xsw6_signedAssertionInsideSignatureOfEvilAssertion_isRejected() throws Exception {
    assertRejected(
        (s, id) -> ResponseCrafter.mutateSoap(crafter.valid(id, crafter.spec(s.requestId())), soap -> {
          Element response = all(soap.getDocumentElement(), SAMLP, "Response").get(0);
          Element signed = assertionOf(response);
          Element evil = (Element) signed.cloneNode(true);
          evil.setAttributeNS(null, "ID", "_evil-xsw6");
          all(evil, SAML, "NameID").get(0).setTextContent("s00000000:" + OTHER_BSN);
          response.replaceChild(evil, signed);
          child(evil, DSIG, "Signature").appendChild(signed);
        }),
        RejectionReason.MULTIPLE_ASSERTIONS);
  }

  @Test
  void validate_xsw7_signedAssertionHiddenInExtensions_isRejected() throws Exception {
    assertRejected(
        (s, id) -> crafter.mutateResponse(id, crafter.spec(s.requestId()), response -> {
          Element signed = assertionOf(response);
          Element extensions = response.getOwnerDocument().createElementNS(SAMLP, response.getPrefix() + ":Extensions");
          response.insertBefore(extensions, child(response, SAMLP, "Status"));
          response.replaceChild(evilCopy(signed, "_evil-xsw7"), signed);
          extensions.appendChild(signed);
        }),
        RejectionReason.MULTIPLE_ASSERTIONS);
  }

  @Test
  void validate_xsw8_signedAssertionInObjectOfEvilAssertionsSignature_isRejected() throws Exception {
    assertRejected(
        (s, id) -> ResponseCrafter.mutateSoap(crafter.valid(id, crafter.spec(s.requestId())), soap -> {
          Element response = all(soap.getDocumentElement(), SAMLP, "Response").get(0);
          Element signed = assertionOf(response);
          Element evil = (Element) signed.cloneNode(true);
          evil.setAttributeNS(null, "ID", "_evil-xsw8");
          all(evil, SAML, "NameID").get(0).setTextContent("s00000000:" + OTHER_BSN);
          Element object = soap.createElementNS(DSIG, "ds:Object");
          child(evil, DSIG, "Signature").appendChild(object);
          Element original = (Element) signed.cloneNode(true);
          original.removeChild(child(original, DSIG, "Signature"));
          object.appendChild(original);
          response.replaceChild(evil, signed);
        }),
        RejectionReason.MULTIPLE_ASSERTIONS);
  }

  @Test
  void validate_signedAssertionMovedOutOfResponse_isRejectedAsMisplaced() throws Exception {
    assertRejected(
        (s, id) -> ResponseCrafter.mutateSoap(crafter.valid(id, crafter.spec(s.requestId())), soap -> {
          Element artifactResponse = soapArtifactResponse(soap);
          Element response = child(artifactResponse, SAMLP, "Response");
          Element signed = assertionOf(response);
          Element extensions = soap.createElementNS(SAMLP, artifactResponse.getPrefix() + ":Extensions");
          artifactResponse.insertBefore(extensions, child(artifactResponse, SAMLP, "Status"));
          extensions.appendChild(signed);
        }),
        RejectionReason.ASSERTION_MISPLACED);
  }

  @Test
  void validate_evilElementReusingTheSignedId_isRejectedAsDuplicateId() throws Exception {
    assertRejected(
        (s, id) -> crafter.mutateResponse(id, crafter.spec(s.requestId()), response -> {
          Element signed = assertionOf(response);
          Element extensions = response.getOwnerDocument().createElementNS(SAMLP, response.getPrefix() + ":Extensions");
          Element decoy = response.getOwnerDocument().createElementNS("urn:evil", "evil:Decoy");
          decoy.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:evil", "urn:evil");
          decoy.setAttributeNS(null, "ID", signed.getAttribute("ID"));
          extensions.appendChild(decoy);
          response.insertBefore(extensions, child(response, SAMLP, "Status"));
        }),
        RejectionReason.DUPLICATE_ID);
  }

  @Test
  void validate_signatureOutsideTheElementItSigns_isRejectedAsMisplaced() throws Exception {
    assertRejected(
        (s, id) -> crafter.mutateResponse(id, crafter.spec(s.requestId()), response -> {
          Element signed = assertionOf(response);
          Element signature = child(signed, DSIG, "Signature");
          Element extensions = response.getOwnerDocument().createElementNS(SAMLP, response.getPrefix() + ":Extensions");
          response.insertBefore(extensions, child(response, SAMLP, "Status"));
          extensions.appendChild(signature);
        }),
        RejectionReason.SIGNATURE_MISPLACED);
  }
}
