package nl.noodrem.digid.simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import nl.noodrem.digid.spring.DigidDevelopmentDefaults;
import nl.noodrem.digid.tls.KeyMaterial;
import nl.noodrem.digid.tls.KeyMaterial.KeyEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DEV ONLY. The running DigiD simulator: keys, the mutual-TLS artifact resolution server, the protocol
 * logic and its published metadata (file and URL). It also offers the SP's development fallbacks (keys,
 * trust store, IdP metadata location), so that a dev start needs no key material at all while the SP
 * loads the simulator exactly like real DigiD: from metadata.
 */
public final class DigidSimulator implements DigidDevelopmentDefaults, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DigidSimulator.class);
  public static final String LOGIN_PATH = "/digid-simulator/login";
  public static final String METADATA_PATH = "/digid-simulator/metadata";
  public static final String LOGOUT_PATH = "/digid-simulator/logout";
  public static final String SESSIONS_PATH = "/digid-simulator/sessies";

  private final DigidSimulatorKeys keys;
  private final DigidSimulatorArtifactResolutionServer server;
  private final DigidSimulatorIdp idp;
  private final byte[] metadata;
  private final Path metadataFile;
  private final List<String> testBsns;

  public DigidSimulator(DigidSimulatorProperties properties, String baseUrl, Supplier<byte[]> spMetadata, Clock clock) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.keys = DigidSimulatorKeys.loadOrGenerate(Path.of(properties.keyDirectory()).toAbsolutePath(), properties.host());
    this.testBsns = List.copyOf(properties.testBsns());
    DigidSimulatorIdp[] holder = new DigidSimulatorIdp[1];
    try {
      this.server =
          new DigidSimulatorArtifactResolutionServer(
              properties.artifactResolutionPort(),
              KeyMaterial.mutualTlsContext(keys.idpTls(), keys.caTrustStore()),
              request -> holder[0].resolve(request));
    } catch (IOException e) {
      throw new IllegalStateException("the DigiD simulator cannot listen on port " + properties.artifactResolutionPort(), e);
    }
    String entityId = properties.entityId() == null || properties.entityId().isBlank() ? base + METADATA_PATH : properties.entityId();
    String ssoUrl = base + LOGIN_PATH;
    String arsUrl = "https://" + properties.host() + ":" + server.port() + DigidSimulatorArtifactResolutionServer.PATH;
    String sloUrl = base + LOGOUT_PATH;
    this.idp = new DigidSimulatorIdp(entityId, ssoUrl, arsUrl, sloUrl, keys.idpSigning(), spMetadata, clock);
    holder[0] = idp;
    this.metadata = DigidSimulatorMetadata.generate(entityId, ssoUrl, arsUrl, sloUrl, keys.idpSigning(), clock.instant());
    this.metadataFile = keys.directory().resolve("idp-metadata.xml");
    try {
      Files.write(metadataFile, metadata);
    } catch (IOException e) {
      server.close();
      throw new IllegalStateException("cannot write " + metadataFile, e);
    }
    LOG.warn(
        "DigiD SIMULATOR ACTIVE (DEV ONLY, never in production): login {} , IdP metadata {} and {}", ssoUrl, base + METADATA_PATH, metadataFile);
  }

  public DigidSimulatorIdp idp() {
    return idp;
  }

  public DigidSimulatorKeys keys() {
    return keys;
  }

  public byte[] metadata() {
    return metadata.clone();
  }

  public int artifactResolutionPort() {
    return server.port();
  }

  public List<String> testBsns() {
    return testBsns;
  }

  @Override
  public String idpMetadataLocation() {
    return metadataFile.toUri().toString();
  }

  @Override
  public KeyEntry spSigningKey() {
    return keys.spSigning();
  }

  @Override
  public KeyEntry spTlsKey() {
    return keys.spTls();
  }

  @Override
  public KeyStore idpTlsTrustStore() {
    return keys.caTrustStore();
  }

  @Override
  public void close() {
    server.close();
  }
}
