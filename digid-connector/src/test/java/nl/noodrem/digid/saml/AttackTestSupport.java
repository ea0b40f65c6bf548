package nl.noodrem.digid.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import nl.noodrem.digid.DigidLevel;
import nl.noodrem.digid.DigidLoginException;
import nl.noodrem.digid.RejectionReason;
import nl.noodrem.digid.support.DigidTestFixture;
import nl.noodrem.digid.support.LogCapture;
import nl.noodrem.digid.support.ResponseCrafter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Base for the attack tests: a real SP (validator, H2 stores) receiving a crafted SOAP answer, and an
 * assertion that it refused with the expected reason, logged that reason, and logged no BSN.
 */
abstract class AttackTestSupport {

  static final String SAMLP = ArtifactResponseValidator.SAMLP_NS;
  static final String SAML = ArtifactResponseValidator.SAML_NS;
  static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
  static final String OTHER_BSN = "999991772";

  @RegisterExtension final LogCapture log = new LogCapture();

  DigidTestFixture fixture;
  final ResponseCrafter crafter = new ResponseCrafter();

  @BeforeEach
  void setUp() {
    fixture = DigidTestFixture.crafted();
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  /** Starts a login and answers it with {@code answer(started, artifactResolveId)}; expects {@code reason}. */
  void assertRejected(BiFunction<DigidTestFixture.Started, String, byte[]> answer, RejectionReason reason) throws Exception {
    DigidTestFixture.Started started = fixture.startLogin(DigidLevel.SUBSTANTIEEL);
    assertThatThrownBy(() -> fixture.complete(started, id -> answer.apply(started, id)))
        .isInstanceOfSatisfying(DigidLoginException.class, e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason));
    assertThat(log.all()).contains("reason=" + reason).doesNotContain(DigidTestFixture.VALID_BSN).doesNotContain(OTHER_BSN);
  }

  // ------------------------------------------------------------------ DOM helpers

  static Element child(Element parent, String ns, String localName) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
        return e;
      }
    }
    throw new AssertionError("no " + localName + " in " + parent.getLocalName());
  }

  static List<Element> all(Element root, String ns, String localName) {
    var nodes = root.getElementsByTagNameNS(ns, localName);
    List<Element> result = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      result.add((Element) nodes.item(i));
    }
    return result;
  }

  static Element assertionOf(Element response) {
    return child(response, SAML, "Assertion");
  }

  /** A copy of the assertion with a new ID, no signature and the other citizen's BSN: the attacker's payload. */
  static Element evilCopy(Element assertion, String id) {
    Element evil = (Element) assertion.cloneNode(true);
    evil.setAttributeNS(null, "ID", id);
    Element signature = child(evil, DSIG, "Signature");
    evil.removeChild(signature);
    all(evil, SAML, "NameID").get(0).setTextContent("s00000000:" + OTHER_BSN);
    return evil;
  }

  static Element soapArtifactResponse(org.w3c.dom.Document soap) {
    return all(soap.getDocumentElement(), SAMLP, "ArtifactResponse").get(0);
  }
}
