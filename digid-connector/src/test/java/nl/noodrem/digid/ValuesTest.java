package nl.noodrem.digid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import nl.noodrem.domain.Bsn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Levels, return paths, the authenticated citizen. */
class ValuesTest {

  @Test
  void isAtLeast_levelsInAssuranceOrder_compareAsDigidDefinesThem() {
    assertThat(DigidLevel.HOOG.isAtLeast(DigidLevel.SUBSTANTIEEL)).isTrue();
    assertThat(DigidLevel.SUBSTANTIEEL.isAtLeast(DigidLevel.SUBSTANTIEEL)).isTrue();
    assertThat(DigidLevel.MIDDEN.isAtLeast(DigidLevel.SUBSTANTIEEL)).isFalse();
    assertThat(DigidLevel.BASIS.isAtLeast(DigidLevel.MIDDEN)).isFalse();
  }

  @Test
  void fromAuthnContextClassRef_digidClassRefs_mapToTheirLevels() {
    assertThat(DigidLevel.fromAuthnContextClassRef("urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport")).contains(DigidLevel.BASIS);
    assertThat(DigidLevel.fromAuthnContextClassRef("urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract")).contains(DigidLevel.MIDDEN);
    assertThat(DigidLevel.fromAuthnContextClassRef("urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard")).contains(DigidLevel.SUBSTANTIEEL);
    assertThat(DigidLevel.fromAuthnContextClassRef("urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI")).contains(DigidLevel.HOOG);
    assertThat(DigidLevel.fromAuthnContextClassRef("urn:oasis:names:tc:SAML:2.0:ac:classes:smartcard")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/brake", "/brake?step=2&x=%2F", "/a/b/c"})
  void isLocalPath_localPaths_pass(String path) {
    assertThat(ReturnPaths.isLocalPath(path)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "brake", "//evil.example", "/\\evil.example", "https://evil.example/", "/brake\r\nSet-Cookie: x=1",
      "/%0d%0a\u0000", "javascript:alert(1)", "/a#frag", " /brake"})
  void isLocalPath_foreignOrDangerousTargets_fail(String path) {
    assertThat(ReturnPaths.isLocalPath(path)).isFalse();
    assertThat(ReturnPaths.sanitize(path, "/")).isEqualTo("/");
  }

  @Test
  void withFlag_pathWithAndWithoutQuery_addsParameter() {
    assertThat(ReturnPaths.withFlag("/brake", "digid", "geannuleerd")).isEqualTo("/brake?digid=geannuleerd");
    assertThat(ReturnPaths.withFlag("/brake?a=1", "digid", "geannuleerd")).isEqualTo("/brake?a=1&digid=geannuleerd");
  }

  @Test
  void authenticatedCitizen_serializationRoundTrip_keepsValuesAndRevalidatesBsn() throws Exception {
    AuthenticatedCitizen citizen = new AuthenticatedCitizen(Bsn.of("999993653"), DigidLevel.SUBSTANTIEEL, Instant.parse("2030-01-01T00:00:00Z"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(citizen);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isEqualTo(citizen);
    }
  }

  @Test
  void authenticatedCitizen_toString_masksTheBsn() {
    AuthenticatedCitizen citizen = new AuthenticatedCitizen(Bsn.of("999993653"), DigidLevel.HOOG, Instant.now());
    assertThat(citizen.toString()).doesNotContain("999993653").contains("HOOG");
  }

  @Test
  void authenticatedCitizen_nullParts_areRefused() {
    assertThatThrownBy(() -> new AuthenticatedCitizen(null, DigidLevel.BASIS, Instant.now())).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new AuthenticatedCitizen(Bsn.of("999993653"), null, Instant.now())).isInstanceOf(NullPointerException.class);
  }

  @Test
  void isValidAt_beforeAndAfterExpiry_answersAccordingly() {
    Instant expiry = Instant.parse("2030-01-01T00:00:00Z");
    AuthenticatedCitizen citizen = new AuthenticatedCitizen(Bsn.of("999993653"), DigidLevel.HOOG, expiry);
    assertThat(citizen.isValidAt(expiry.minusSeconds(1))).isTrue();
    assertThat(citizen.isValidAt(expiry)).isFalse();
  }

  @Test
  void messages_areLogiusTextAndDutchCancelVerbatim() {
    assertThat(DigidMessages.ERROR).isEqualTo(
        "Er is een fout opgetreden in de communicatie met DigiD. Probeert u het later nogmaals. Indien deze fout blijft aanhouden, "
            + "kijk dan op de website https://www.digid.nl voor de laatste informatie.");
    assertThat(DigidMessages.CANCELLED).isEqualTo("U heeft het inloggen met DigiD geannuleerd.");
  }

  @Test
  void detail_withLineBreaksFromTheMessage_cannotForgeLogLines() {
    DigidLoginException e = new DigidLoginException(RejectionReason.SIGNATURE_ALGORITHM_FORBIDDEN, "alg x\nINFO forged line");
    assertThat(e.detail()).doesNotContain("\n").contains("x?INFO");
    assertThat(new DigidLoginException(RejectionReason.NOT_XML, "a".repeat(1000)).detail()).hasSize(300);
  }
}
