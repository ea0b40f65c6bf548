package nl.noodrem.digid.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import nl.noodrem.digid.DigidLoginException;
import nl.noodrem.digid.RejectionReason;
import nl.noodrem.digid.simulator.DigidSimulatorKeys;
import nl.noodrem.digid.simulator.DigidSimulatorMetadata;
import nl.noodrem.digid.support.DigidTestFixture;
import nl.noodrem.digid.support.ResponseCrafter;
import nl.noodrem.digid.tls.KeyMaterial;
import nl.noodrem.digid.tls.KeyMaterial.KeyEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** Loading IdP metadata: signature and pins, expiry, choosing the IdP, refresh keeping the last good copy. */
class IdpMetadataProviderTest {

  private static final String ENTITY = "https://idp.test/metadata";
  private final DigidSimulatorKeys keys = DigidTestFixture.keys();

  private byte[] metadata(String entityId, KeyEntry signer, Instant now) {
    return DigidSimulatorMetadata.generate(entityId, "https://idp.test/sso", "https://idp.test:9443/ars", signer, now);
  }

  private static IdpMetadataParser parser() {
    return new IdpMetadataParser(null, List.of(), Set.of());
  }

  @Test
  void parse_signedByPinnedMetadataSigner_isAccepted() {
    IdpMetadata parsed = new IdpMetadataParser(null, List.of(keys.idpSigning().certificate()), Set.of())
        .parse(metadata(ENTITY, keys.idpSigning(), Instant.now()), Instant.now());
    assertThat(parsed.entityId()).isEqualTo(ENTITY);
  }

  @Test
  void parse_signedByAnotherKey_isRefused() {
    byte[] forged = metadata(ENTITY, keys.spSigning(), Instant.now());
    assertThatThrownBy(() -> new IdpMetadataParser(null, List.of(keys.idpSigning().certificate()), Set.of()).parse(forged, Instant.now()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("signature refused");
  }

  @Test
  void parse_unsignedWhileSignerConfigured_isRefused() {
    byte[] unsigned = ResponseCrafter.mutateSoap(metadata(ENTITY, keys.idpSigning(), Instant.now()), document -> {
      Element root = document.getDocumentElement();
      root.removeChild(root.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature").item(0));
    });
    assertThat(parser().parse(unsigned, Instant.now()).entityId()).as("fine without a configured signer").isEqualTo(ENTITY);
    assertThatThrownBy(() -> new IdpMetadataParser(null, List.of(keys.idpSigning().certificate()), Set.of()).parse(unsigned, Instant.now()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parse_signingCertificateNotPinned_isRefused() {
    byte[] metadata = metadata(ENTITY, keys.idpSigning(), Instant.now());
    String pin = KeyMaterial.sha256Fingerprint(keys.idpSigning().certificate());
    assertThat(new IdpMetadataParser(null, List.of(), Set.of(pin.toUpperCase())).parse(metadata, Instant.now())).isNotNull();
    assertThatThrownBy(() -> new IdpMetadataParser(null, List.of(), Set.of("00".repeat(32))).parse(metadata, Instant.now()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not pinned");
  }

  @Test
  void parse_expiredMetadata_isRefused() {
    byte[] old = metadata(ENTITY, keys.idpSigning(), Instant.now().minus(Duration.ofDays(400)));
    assertThatThrownBy(() -> parser().parse(old, Instant.now())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expired");
  }

  @Test
  void parse_entitiesDescriptorWithTwoIdps_needsTheEntityIdToChoose() {
    String a = new String(metadata(ENTITY, keys.idpSigning(), Instant.now()), StandardCharsets.UTF_8).replaceFirst("^<\\?xml[^>]*\\?>", "");
    String b = new String(metadata("https://other-idp.test/metadata", keys.idpSigning(), Instant.now()), StandardCharsets.UTF_8)
        .replaceFirst("^<\\?xml[^>]*\\?>", "");
    byte[] both = ("<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\">" + a + b + "</md:EntitiesDescriptor>")
        .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> parser().parse(both, Instant.now())).hasMessageContaining("2 SAML 2.0 IdPs");
    assertThat(new IdpMetadataParser("https://other-idp.test/metadata", List.of(), Set.of()).parse(both, Instant.now()).entityId())
        .isEqualTo("https://other-idp.test/metadata");
  }

  @Test
  void parse_metadataWithDoctype_isRefused() {
    String withDoctype = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
        + new String(metadata(ENTITY, keys.idpSigning(), Instant.now()), StandardCharsets.UTF_8).replaceFirst("^<\\?xml[^>]*\\?>", "");
    assertThatThrownBy(() -> parser().parse(withDoctype.getBytes(StandardCharsets.UTF_8), Instant.now()))
        .hasMessageContaining("DOCTYPE_FORBIDDEN");
  }

  @Test
  void current_nothingLoaded_isUnavailable() {
    IdpMetadataProvider provider = new IdpMetadataProvider(() -> "garbage".getBytes(StandardCharsets.UTF_8), parser(), Clock.systemUTC());
    assertThat(provider.refresh()).isFalse();
    assertThatThrownBy(provider::current)
        .isInstanceOfSatisfying(DigidLoginException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.IDP_METADATA_UNAVAILABLE));
  }

  @Test
  void refresh_failureKeepsLastGoodAndRolloverReplacesIt() throws Exception {
    AtomicReference<byte[]> served = new AtomicReference<>(metadata(ENTITY, keys.idpSigning(), Instant.now()));
    IdpMetadataProvider provider = new IdpMetadataProvider(served::get, parser(), Clock.systemUTC());
    assertThat(provider.refresh()).isTrue();

    served.set("<html>maintenance</html>".getBytes(StandardCharsets.UTF_8));
    assertThat(provider.refresh()).isFalse();
    assertThat(provider.current().signingCertificates()).containsExactly(keys.idpSigning().certificate());

    served.set(metadata(ENTITY, keys.spSigning(), Instant.now())); // the IdP rolled its signing key
    assertThat(provider.refresh()).isTrue();
    assertThat(provider.current().signingCertificates()).containsExactly(keys.spSigning().certificate());
  }

  @Test
  void start_fileSource_loadsAndRefreshesOnSchedule(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("idp-metadata.xml");
    Files.write(file, metadata(ENTITY, keys.idpSigning(), Instant.now()));
    try (IdpMetadataProvider provider = new IdpMetadataProvider(IdpMetadataProvider.fileSource(file), parser(), Clock.systemUTC())) {
      provider.start(Duration.ofMillis(100));
      assertThat(provider.current().entityId()).isEqualTo(ENTITY);

      Files.write(file, metadata("https://renamed-idp.test/metadata", keys.idpSigning(), Instant.now()));
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!provider.current().entityId().startsWith("https://renamed") && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(provider.current().entityId()).isEqualTo("https://renamed-idp.test/metadata");
    }
  }
}
