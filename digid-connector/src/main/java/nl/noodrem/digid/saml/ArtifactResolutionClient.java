package nl.noodrem.digid.saml;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import nl.noodrem.digid.DigidLoginException;
import nl.noodrem.digid.RejectionReason;
import nl.noodrem.digid.ServiceProviderConfig;
import nl.noodrem.digid.tls.KeyMaterial;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.Artifact;
import org.opensaml.saml.saml2.core.ArtifactResolve;
import org.opensaml.saml.saml2.core.Issuer;
import org.w3c.dom.Element;

/**
 * SOAP 1.1 client for the IdP's ArtifactResolutionService: a signed ArtifactResolve over mutual TLS (our
 * client certificate, the IdP's server certificate checked against the configured trust store and host
 * name), with a configurable Content-Type (DigiD connections have broken on {@code text/xml} vs {@code
 * application/soap+xml}), no redirects, bounded time and size.
 */
public final class ArtifactResolutionClient implements ArtifactResolver {

  private final ServiceProviderConfig config;
  private final Clock clock;
  private final HttpClient http;

  public ArtifactResolutionClient(ServiceProviderConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.http =
        HttpClient.newBuilder()
            .sslContext(KeyMaterial.mutualTlsContext(config.tlsClientKey(), config.tlsTrustStore()))
            .connectTimeout(config.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /** The signed SOAP request for {@code artifact}; public so the simulator tests can inspect it. */
  public byte[] buildRequest(String artifactResolveId, Saml2Artifact artifact, String endpointUrl) {
    ArtifactResolve resolve = OpenSaml.build(ArtifactResolve.DEFAULT_ELEMENT_NAME);
    resolve.setID(artifactResolveId);
    resolve.setVersion(SAMLVersion.VERSION_20);
    resolve.setIssueInstant(OpenSaml.toDateTime(clock.instant()));
    resolve.setDestination(endpointUrl);
    Issuer issuer = OpenSaml.build(Issuer.DEFAULT_ELEMENT_NAME);
    issuer.setValue(config.entityId());
    resolve.setIssuer(issuer);
    Artifact value = OpenSaml.build(Artifact.DEFAULT_ELEMENT_NAME);
    value.setArtifact(artifact.encoded());
    resolve.setArtifact(value);
    Element signed = SamlSigner.sign(resolve, config.signingKey().credential());
    return Soap11.wrap(signed);
  }

  @Override
  public Resolution resolve(Saml2Artifact artifact, String endpointUrl) throws DigidLoginException {
    String id = OpenSaml.newId();
    byte[] body = buildRequest(id, artifact, endpointUrl);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(endpointUrl))
            .timeout(config.readTimeout())
            .header("Content-Type", config.artifactResolutionContentType())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (config.artifactResolutionContentType().startsWith("text/xml")) {
      request.header("SOAPAction", "\"" + Soap11.SOAP_ACTION + "\"");
    }
    try {
      HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        if (response.statusCode() != 200) {
          throw new DigidLoginException(
              RejectionReason.ARTIFACT_RESOLUTION_HTTP_STATUS, "artifact resolution answered HTTP " + response.statusCode());
        }
        byte[] answer = in.readNBytes(config.maxResponseBytes() + 1);
        if (answer.length > config.maxResponseBytes()) {
          throw new DigidLoginException(
              RejectionReason.BODY_TOO_LARGE, "artifact resolution answer exceeds " + config.maxResponseBytes() + " bytes");
        }
        return new Resolution(id, answer);
      }
    } catch (IOException e) {
      throw new DigidLoginException(
          RejectionReason.ARTIFACT_RESOLUTION_TRANSPORT, "artifact resolution at " + endpointUrl + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DigidLoginException(RejectionReason.ARTIFACT_RESOLUTION_TRANSPORT, "interrupted");
    }
  }
}
