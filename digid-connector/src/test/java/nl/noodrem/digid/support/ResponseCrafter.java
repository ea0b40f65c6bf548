package nl.noodrem.digid.support;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.function.Consumer;
import javax.xml.parsers.DocumentBuilderFactory;
import nl.noodrem.digid.DigidLevel;
import nl.noodrem.digid.saml.OpenSaml;
import nl.noodrem.digid.saml.SamlSigner;
import nl.noodrem.digid.saml.SecureXml;
import nl.noodrem.digid.simulator.DigidSimulatorMessages;
import org.opensaml.saml.saml2.core.ArtifactResponse;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.security.x509.BasicX509Credential;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Makes the SOAP answers an attacker (or a broken IdP) could produce: valid ones signed with the IdP key
 * from metadata, and ones changed at the DOM level before or after signing.
 */
public final class ResponseCrafter {

  private final BasicX509Credential idpKey;

  public ResponseCrafter() {
    this.idpKey = DigidTestFixture.keys().idpSigning().credential();
  }

  public BasicX509Credential idpKey() {
    return idpKey;
  }

  /** A valid DigiD answer to {@code requestId}: Substantieel, the test BSN. */
  public DigidSimulatorMessages.Spec spec(String requestId) {
    return new DigidSimulatorMessages.Spec(
        DigidTestFixture.IDP_ENTITY_ID,
        DigidTestFixture.SP_ENTITY_ID,
        DigidTestFixture.ACS_URL,
        requestId,
        "s00000000:" + DigidTestFixture.VALID_BSN,
        DigidLevel.SUBSTANTIEEL.authnContextClassRef(),
        Instant.now());
  }

  /** Assertion and ArtifactResponse signed with the IdP key. */
  public byte[] valid(String artifactResolveId, DigidSimulatorMessages.Spec spec) {
    return wrap(artifactResolveId, DigidSimulatorMessages.response(spec, idpKey), idpKey);
  }

  /** Wraps a Response into an ArtifactResponse signed by {@code artifactResponseSigner} (null: unsigned). */
  public byte[] wrap(String artifactResolveId, Response response, BasicX509Credential artifactResponseSigner) {
    ArtifactResponse artifactResponse =
        DigidSimulatorMessages.artifactResponse(DigidTestFixture.IDP_ENTITY_ID, artifactResolveId, response, Instant.now());
    return DigidSimulatorMessages.soap(artifactResponse, artifactResponseSigner);
  }

  /**
   * Builds the Response with its signed Assertion, lets {@code mutation} change the Response DOM, then
   * wraps it into an ArtifactResponse freshly signed with the IdP key: the strongest attacker, whose outer
   * signature is valid, so only the inner checks can catch the change.
   */
  public byte[] mutateResponse(String artifactResolveId, DigidSimulatorMessages.Spec spec, Consumer<Element> mutation) {
    Element dom = OpenSaml.marshall(DigidSimulatorMessages.response(spec, idpKey));
    mutation.accept(dom);
    Response mutated;
    try {
      mutated = (Response) OpenSaml.unmarshall(dom);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return wrap(artifactResolveId, mutated, idpKey);
  }

  /** Changes the final SOAP document after all signatures were made. */
  public static byte[] mutateSoap(byte[] soap, Consumer<Document> mutation) {
    Document document = parse(soap);
    mutation.accept(document);
    return SecureXml.toBytes(document);
  }

  /** A plain namespace-aware parse for test manipulation (comments kept). */
  public static Document parse(byte[] xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Signs with explicit algorithms, for downgrade tests. */
  public static void sign(org.opensaml.saml.common.SignableSAMLObject object, BasicX509Credential key, String algorithm, String digest) {
    SamlSigner.sign(object, key, algorithm, digest);
  }
}
