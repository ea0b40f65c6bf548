package nl.noodrem.digid.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import nl.noodrem.digid.DigidLevel;
import nl.noodrem.digid.LoginOutcome;
import nl.noodrem.digid.RejectionReason;
import nl.noodrem.digid.simulator.DigidSimulatorMessages;
import nl.noodrem.digid.support.DigidTestFixture;
import nl.noodrem.digid.support.ResponseCrafter;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.w3c.dom.Element;

/**
 * Every other attack class of the DigiD checklist, each a crafted answer to a real login, each refused by
 * the real validator with its own reason (see {@link SignatureWrappingAttackTest} for XSW).
 */
class ResponseAttackTest extends AttackTestSupport {

  // ------------------------------------------------------------------ baseline

  @Test
  void validate_untouchedCraftedAnswer_isAccepted() throws Exception {
    DigidTestFixture.Started started = fixture.startLogin(DigidLevel.SUBSTANTIEEL);
    LoginOutcome outcome = fixture.complete(started, id -> crafter.valid(id, crafter.spec(started.requestId())));
    assertThat(outcome).isInstanceOf(LoginOutcome.Authenticated.class);
    assertThat(((LoginOutcome.Authenticated) outcome).citizen().bsn().digits()).isEqualTo(DigidTestFixture.VALID_BSN);
  }

  // ------------------------------------------------------------------ comment injection

  @Test
  void validate_commentInjectedIntoSignedNameId_isRejected() throws Exception {
    // exclusive C14N omits comments: after the injection BOTH signatures still verify (checked below), so
    // only the NameID check stands between "s00000000:99999<!---->3653" and a parser reading "99999"
    assertRejected(
        (s, id) -> {
          byte[] injected = ResponseCrafter.mutateSoap(crafter.valid(id, crafter.spec(s.requestId())), soap -> {
            Element nameId = all(soap.getDocumentElement(), SAML, "NameID").get(0);
            String value = nameId.getTextContent();
            nameId.setTextContent(value.substring(0, 15));
            nameId.appendChild(soap.createComment(""));
            nameId.appendChild(soap.createTextNode(value.substring(15)));
          });
          assertBothSignaturesStillVerify(injected);
          return injected;
        },
        RejectionReason.NAMEID_COMMENT_OR_SPLIT);
  }

  /** Checks both signatures with Santuario directly on the DOM (OpenSAML would refuse the comment first). */
  private void assertBothSignaturesStillVerify(byte[] soap) {
    var document = ResponseCrafter.parse(soap);
    Element artifactResponse = soapArtifactResponse(document);
    Element assertion = all(document.getDocumentElement(), SAML, "Assertion").get(0);
    artifactResponse.setIdAttributeNS(null, "ID", true);
    assertion.setIdAttributeNS(null, "ID", true);
    for (Element signed : java.util.List.of(artifactResponse, assertion)) {
      try {
        var signature = new org.apache.xml.security.signature.XMLSignature(child(signed, DSIG, "Signature"), "");
        assertThat(signature.checkSignatureValue(crafter.idpKey().getPublicKey()))
            .as(signed.getLocalName() + " signature survives the comment").isTrue();
      } catch (org.apache.xml.security.exceptions.XMLSecurityException e) {
        throw new AssertionError(e);
      }
    }
  }

  // ------------------------------------------------------------------ missing and stripped signatures

  @Test
  void validate_unsignedAssertion_isRejected() throws Exception {
    assertRejected((s, id) -> crafter.wrap(id, DigidSimulatorMessages.response(crafter.spec(s.requestId()), null), crafter.idpKey()),
        RejectionReason.ASSERTION_UNSIGNED);
  }

  @Test
  void validate_assertionSignatureStripped_isRejected() throws Exception {
    assertRejected(
        (s, id) -> crafter.mutateResponse(id, crafter.spec(s.requestId()), response -> {
          Element assertion = assertionOf(response);
          assertion.removeChild(child(assertion, DSIG, "Signature"));
        }),
        RejectionReason.ASSERTION_UNSIGNED);
  }

  @Test
  void validate_unsignedArtifactResponse_isRejected() throws Exception {
    assertRejected((s, id) -> crafter.wrap(id, DigidSimulatorMessages.response(crafter.spec(s.requestId()), crafter.idpKey()), null),
        RejectionReason.ARTIFACT_RESPONSE_UNSIGNED);
  }

  @Test
  void validate_artifactResponseSignatureStripped_isRejected() throws Exception {
    assertRejected(
        (s, id) -> ResponseCrafter.mutateSoap(crafter.valid(id, crafter.spec(s.requestId())), soap -> {
          Element artifactResponse = soapArtifactResponse(soap);
          artifactResponse.removeChild(child(artifactResponse, DSIG, "Signature"));
        }),
        RejectionReason.ARTIFACT_RESPONSE_UNSIGNED);
  }

  @Test
  void validate_nameIdChangedAfterSigning_isRejected() throws Exception {
    assertRejected(
        (s, id) -> ResponseCrafter.mutateSoap(crafter.valid(id, crafter.spec(s.requestId())), soap ->
            all(soap.getDocumentElement(), SAML, "NameID").get(0).setTextContent("s00000000:" + OTHER_BSN)),
        RejectionReason.SIGNATURE_INVALID);
  }

  // ------------------------------------------------------------------ replay

  @Test
  void validate_assertionReplayedInANewResponse_isRejected() throws Exception {
    DigidTestFixture.Started first = fixture.startLogin(DigidLevel.SUBSTANTIEEL);
    DigidSimulatorMessages.Spec firstSpec = crafter.spec(first.requestId());
    Element signedAssertion = assertionOf(nl.noodrem.digid.saml.OpenSaml.marshall(DigidSimulatorMessages.response(firstSpec, crafter.idpKey())));
    byte[] assertionXml = SecureXml.toBytes(signedAssertion);
    fixture.complete(first, id -> crafter.wrap(id, responseCarrying(first.requestId(), assertionXml), crafter.idpKey()));

    // the captured, validly signed assertion comes back inside a fresh, validly signed answer to a new login
    assertRejected((s, id) -> crafter.wrap(id, responseCarrying(s.requestId(), assertionXml), crafter.idpKey()),
        RejectionReason.ASSERTION_REPLAYED);
  }

  private Response responseCarrying(String inResponseTo, byte[] assertionXml) {
    try {
      Response response = DigidSimulatorMessages.response(crafter.spec(inResponseTo), null);
      response.getAssertions().clear();
      response.getAssertions().add((org.opensaml.saml.saml2.core.Assertion)
          OpenSaml.unmarshall(ResponseCrafter.parse(assertionXml).getDocumentElement()));
      return response;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------ InResponseTo

  @Test
  void validate_foreignInResponseTo_isRejected() throws Exception {
    assertRejected((s, id) -> crafter.valid(id, crafter.spec("_someone-elses-request")), RejectionReason.IN_RESPONSE_TO_UNKNOWN);
  }

  @Test
  void validate_missingInResponseTo_isRejected() throws Exception {
    assertRejected((s, id) -> crafter.valid(id, crafter.spec(null)), RejectionReason.IN_RESPONSE_TO_MISSING);
  }

  @Test
  void validate_subjectConfirmationForAnotherRequest_isRejected() throws Exception {
    assertRejected((s, id) -> {
      DigidSimulatorMessages.Spec spec = crafter.spec(s.requestId());
      spec.confirmationInResponseTo = "_another-request";
      return crafter.valid(id, spec);
    }, RejectionReason.IN_RESPONSE_TO_MISMATCH);
  }

  @Test
  void validate_artifactResponseAnsweringAnotherArtifactResolve_isRejected() throws Exception {
    assertRejected((s, id) -> crafter.valid("_other-artifact-resolve", crafter.spec(s.requestId())),
        RejectionReason.ARTIFACT_RESPONSE_IN_RESPONSE_TO_MISMATCH);
  }

  // ------------------------------------------------------------------ audience, recipient, destination, issuer

  @Test
  void validate_wrongAudience_isRejected() throws Exception {
    assertRejected((s, id) -> {
      DigidSimulatorMessages.Spec spec = crafter.spec(s.requestId());
      spec.audience = "https://other-sp.example/metadata";
      return crafter.valid(id, spec);
    }, RejectionReason.AUDIENCE_MISMATCH);
  }

  @Test
  void validate_wrongRecipient_isRejected() throws Exception {
    assertRejected((s, id) -> {
      DigidSimulatorMessages.Spec spec = crafter.spec(s.requestId());
      spec.recipient = "https://other-sp.example/acs";
      return crafter.valid(id, spec);
    }, RejectionReason.RECIPIENT_MISMATCH);
  }

  @Test
  void validate_wrongDestination_isRejected() throws Exception {
    assertRejected((s, id) -> {
      DigidSimulatorMessages.Spec spec = crafter.spec(s.requestId());
      spec.destination = "https://other-sp.example/acs";
      return crafter.valid(id, spec);
    }, RejectionReason.DESTINATION_MISMATCH);
  }

  @Test
  void validate_assertionIssuedByAnotherEntity_isRejected() throws Exception {
    assertRejected((s, id) -> {
      DigidSimulatorMessages.Spec spec = crafter.spec(s.requestId());
      spec.idpEntityId = "https://evil.example/idp";
      return crafter.valid(id, spec);
    }, RejectionReason.ISSUER_MISMATCH);
  }

  // ------------------------------------------------------------------ time

  @Test
  void validate_expiredAssertion_isRejected() throws Exception {
    assertRejected((s, id) -> {
      DigidSimulatorMessages.Spec spec = crafter.spec(s.requestId());
      spec.issueInstant = Instant.now().minus(Duration.ofMinutes(4));
      spec.notBefore = spec.issueInstant;
      spec.notOnOrAfter = Instant.now().minus(Duration.ofMinutes(2));
      return crafter.valid(id, spec);
    }, RejectionReason.ASSERTION_EXPIRED);
  }

  @Test
  void validate_notYetValidAssertion_isRejected() throws Exception {
    assertRejected((s, id) -> {
      DigidSimulatorMessages.Spec spec = crafter.spec(s.requestId());
      spec.notBefore = Instant.now().plus(Duration.ofMinutes(3));
      spec.notOnOrAfter = Instant.now().plus(Duration.ofMinutes(6));
      return crafter.valid(id, spec);
    }, RejectionReason.ASSERTION_NOT_YET_VALID);
  }

  @Test
  void validate_assertionIssuedInTheFuture_isRejected() throws Exception {
    assertRejected((s, id) -> {
      DigidSimulatorMessages.Spec spec = crafter.spec(s.requestId());
      spec.issueInstant = Instant.now().plus(Duration.ofMinutes(2));
      return crafter.valid(id, spec);
    }, RejectionReason.ISSUE_INSTANT_OUT_OF_RANGE);
  }

  @Test
  void validate_assertionValidForDays_isRejected() throws Exception {
    assertRejected((s, id) -> {
      DigidSimulatorMessages.Spec spec = crafter.spec(s.requestId());
      spec.notOnOrAfter = Instant.now().plus(Duration.ofDays(3));
      return crafter.valid(id, spec);
    }, RejectionReason.ASSERTION_VALIDITY_TOO_LONG);
  }

  // ------------------------------------------------------------------ DOCTYPE, XXE, entities

  @Test
  void validate_externalEntity_isRejectedWithoutReadingTheFile(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-FILE-CONTENT");
    assertRejected((s, id) -> {
      String soap = new String(crafter.valid(id, crafter.spec(s.requestId())), StandardCharsets.UTF_8).replaceFirst("^<\\?xml[^>]*\\?>", "");
      String doctype = "<!DOCTYPE e [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>";
      return (doctype + soap.replace("s00000000:" + DigidTestFixture.VALID_BSN, "&xxe;")).getBytes(StandardCharsets.UTF_8);
    }, RejectionReason.DOCTYPE_FORBIDDEN);
    assertThat(log.all()).doesNotContain("TOP-SECRET-FILE-CONTENT");
  }

  @Test
  void validate_entityExpansionBomb_isRejected() throws Exception {
    assertRejected((s, id) -> {
      StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
      for (int i = 1; i <= 9; i++) {
        dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
      }
      dtd.append("]>");
      return (dtd + "<soap11:Envelope xmlns:soap11=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap11:Body>&lol9;</soap11:Body></soap11:Envelope>")
          .getBytes(StandardCharsets.UTF_8);
    }, RejectionReason.DOCTYPE_FORBIDDEN);
  }

  @Test
  void validate_plainDoctype_isRejected() throws Exception {
    assertRejected((s, id) -> {
      String soap = new String(crafter.valid(id, crafter.spec(s.requestId())), StandardCharsets.UTF_8).replaceFirst("^<\\?xml[^>]*\\?>", "");
      return ("<!DOCTYPE soap11:Envelope SYSTEM \"http://evil.example/x.dtd\">" + soap).getBytes(StandardCharsets.UTF_8);
    }, RejectionReason.DOCTYPE_FORBIDDEN);
  }

  // ------------------------------------------------------------------ algorithms and keys

  @Test
  void validate_assertionSignedWithRsaSha1_isRejected() throws Exception {
    assertRejected((s, id) -> crafter.wrap(id,
            DigidSimulatorMessages.response(crafter.spec(s.requestId()), crafter.idpKey(),
                SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1, SignatureConstants.ALGO_ID_DIGEST_SHA1),
            crafter.idpKey()),
        RejectionReason.SIGNATURE_ALGORITHM_FORBIDDEN);
  }

  @Test
  void validate_artifactResponseSignedWithRsaSha1_isRejected() throws Exception {
    assertRejected((s, id) -> {
      var artifactResponse = DigidSimulatorMessages.artifactResponse(
          DigidTestFixture.IDP_ENTITY_ID, id, DigidSimulatorMessages.response(crafter.spec(s.requestId()), crafter.idpKey()), Instant.now());
      return Soap11.wrap(SamlSigner.sign(artifactResponse, crafter.idpKey(), SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1, SamlSigner.SHA256));
    }, RejectionReason.SIGNATURE_ALGORITHM_FORBIDDEN);
  }

  @Test
  void validate_sha256SignatureWithSha1Digest_isRejected() throws Exception {
    assertRejected((s, id) -> crafter.wrap(id,
            DigidSimulatorMessages.response(crafter.spec(s.requestId()), crafter.idpKey(), SamlSigner.RSA_SHA256, SignatureConstants.ALGO_ID_DIGEST_SHA1),
            crafter.idpKey()),
        RejectionReason.SIGNATURE_ALGORITHM_FORBIDDEN);
  }

  @Test
  void validate_signatureAlgorithmNone_isRejected() throws Exception {
    assertRejected(
        (s, id) -> ResponseCrafter.mutateSoap(crafter.valid(id, crafter.spec(s.requestId())), soap -> {
          Element assertion = all(soap.getDocumentElement(), SAML, "Assertion").get(0);
          all(assertion, DSIG, "SignatureMethod").get(0).setAttributeNS(null, "Algorithm", "none");
        }),
        RejectionReason.SIGNATURE_ALGORITHM_FORBIDDEN);
  }

  @Test
  void validate_hmacWithPublicKeyAsSecret_isRejected() throws Exception {
    assertRejected(
        (s, id) -> crafter.mutateResponse(id, crafter.spec(s.requestId()), response -> {
          Element method = all(assertionOf(response), DSIG, "SignatureMethod").get(0);
          method.setAttributeNS(null, "Algorithm", SignatureConstants.ALGO_ID_MAC_HMAC_SHA256);
        }),
        RejectionReason.SIGNATURE_ALGORITHM_FORBIDDEN);
  }

  @Test
  void validate_assertionSignedWithKeyFromKeyInfoNotInMetadata_isRejected() throws Exception {
    BasicX509Credential attacker = attackerKey();
    assertRejected((s, id) -> crafter.wrap(id, DigidSimulatorMessages.response(crafter.spec(s.requestId()), attacker), crafter.idpKey()),
        RejectionReason.KEYINFO_NOT_FROM_METADATA);
  }

  @Test
  void validate_everythingSignedWithAttackerKeyInKeyInfo_isRejected() throws Exception {
    BasicX509Credential attacker = attackerKey();
    assertRejected((s, id) -> crafter.wrap(id, DigidSimulatorMessages.response(crafter.spec(s.requestId()), attacker), attacker),
        RejectionReason.KEYINFO_NOT_FROM_METADATA);
  }

  @Test
  void validate_attackerSignatureWithoutKeyInfo_failsAgainstTheMetadataKey() throws Exception {
    BasicX509Credential attacker = attackerKey();
    assertRejected(
        (s, id) -> {
          byte[] soap = crafter.wrap(id, DigidSimulatorMessages.response(crafter.spec(s.requestId()), attacker), crafter.idpKey());
          return ResponseCrafter.mutateSoap(soap, document -> {
            Element assertion = all(document.getDocumentElement(), SAML, "Assertion").get(0);
            Element signature = child(assertion, DSIG, "Signature");
            signature.removeChild(child(signature, DSIG, "KeyInfo"));
          });
        },
        RejectionReason.SIGNATURE_INVALID);
  }

  // ------------------------------------------------------------------ subject

  @Test
  void validate_wrongSector_isRejected() throws Exception {
    assertRejected((s, id) -> {
      DigidSimulatorMessages.Spec spec = crafter.spec(s.requestId());
      spec.nameId = "s00000001:" + DigidTestFixture.VALID_BSN;
      return crafter.valid(id, spec);
    }, RejectionReason.SECTOR_NOT_ALLOWED);
  }

  @Test
  void validate_nameIdWithoutSector_isRejected() throws Exception {
    assertRejected((s, id) -> {
      DigidSimulatorMessages.Spec spec = crafter.spec(s.requestId());
      spec.nameId = DigidTestFixture.VALID_BSN;
      return crafter.valid(id, spec);
    }, RejectionReason.SECTOR_NOT_ALLOWED);
  }

  @Test
  void validate_bsnFailingElevenProof_isRejected() throws Exception {
    assertRejected((s, id) -> {
      DigidSimulatorMessages.Spec spec = crafter.spec(s.requestId());
      spec.nameId = "s00000000:123456781";
      return crafter.valid(id, spec);
    }, RejectionReason.BSN_INVALID);
    assertThat(log.all()).doesNotContain("123456781");
  }

  @Test
  void validate_unknownAuthnContextClassRef_isRejected() throws Exception {
    assertRejected((s, id) -> {
      DigidSimulatorMessages.Spec spec = crafter.spec(s.requestId());
      spec.authnContextClassRef = "urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified";
      return crafter.valid(id, spec);
    }, RejectionReason.LEVEL_UNKNOWN);
  }

  // ------------------------------------------------------------------ body

  @Test
  void validate_oversizedBody_isRejected() throws Exception {
    assertRejected((s, id) -> {
      byte[] valid = crafter.valid(id, crafter.spec(s.requestId()));
      String padded = new String(valid, StandardCharsets.UTF_8) + "<!--" + "x".repeat(fixture.config.maxResponseBytes()) + "-->";
      return padded.getBytes(StandardCharsets.UTF_8);
    }, RejectionReason.BODY_TOO_LARGE);
  }

  @Test
  void validate_nonXmlBody_isRejected() throws Exception {
    assertRejected((s, id) -> "<html><body>502 Bad Gateway".getBytes(StandardCharsets.UTF_8), RejectionReason.NOT_XML);
  }

  @Test
  void validate_emptyBody_isRejected() throws Exception {
    assertRejected((s, id) -> new byte[0], RejectionReason.NOT_XML);
  }

  @Test
  void validate_soapFault_isRejected() throws Exception {
    assertRejected((s, id) -> nl.noodrem.digid.simulator.DigidSimulatorIdp.fault("no"), RejectionReason.SOAP_FAULT);
  }

  @Test
  void validate_bareResponseWithoutSoapEnvelope_isRejected() throws Exception {
    assertRejected((s, id) -> SecureXml.toBytes(OpenSaml.marshall(DigidSimulatorMessages.response(crafter.spec(s.requestId()), crafter.idpKey()))),
        RejectionReason.SOAP_MALFORMED);
  }

  // ------------------------------------------------------------------ status

  @Test
  void validate_authnFailed_isCancelNotError() throws Exception {
    DigidTestFixture.Started started = fixture.startLogin(DigidLevel.SUBSTANTIEEL);
    LoginOutcome outcome = fixture.complete(started, id -> crafter.wrap(id,
        DigidSimulatorMessages.response(crafter.spec(started.requestId()).cancelled(), null), crafter.idpKey()));
    assertThat(outcome).isInstanceOf(LoginOutcome.Cancelled.class);
  }

  @Test
  void validate_otherErrorStatus_isRejected() throws Exception {
    assertRejected((s, id) -> {
      DigidSimulatorMessages.Spec spec = crafter.spec(s.requestId());
      spec.statusCode = StatusCode.RESPONDER;
      spec.secondLevelStatusCode = StatusCode.NO_AUTHN_CONTEXT;
      return crafter.wrap(id, DigidSimulatorMessages.response(spec, null), crafter.idpKey());
    }, RejectionReason.IDP_STATUS_ERROR);
  }

  @Test
  void validate_artifactUnknownAtIdp_isRejected() throws Exception {
    assertRejected((s, id) -> crafter.wrap(id, null, crafter.idpKey()), RejectionReason.ARTIFACT_UNKNOWN_AT_IDP);
  }

  @Test
  void validate_successWithoutAssertion_isRejected() throws Exception {
    assertRejected(
        (s, id) -> crafter.mutateResponse(id, crafter.spec(s.requestId()), response -> response.removeChild(assertionOf(response))),
        RejectionReason.UNEXPECTED_STRUCTURE);
  }

  private static BasicX509Credential attackerKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    X500Name name = new X500Name("CN=Noodrem DigiD simulator signing (forged)");
    X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
        new JcaX509v3CertificateBuilder(name, BigInteger.TEN, Date.from(Instant.now().minusSeconds(60)),
            Date.from(Instant.now().plusSeconds(3600)), name, pair.getPublic())
            .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
    return new BasicX509Credential(certificate, pair.getPrivate());
  }
}
