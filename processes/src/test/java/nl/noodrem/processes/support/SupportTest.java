package nl.noodrem.processes.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.noodrem.domain.CaseNumber;
import nl.noodrem.domain.CitizenRef;
import nl.noodrem.processes.config.NoodremProcessProperties;
import nl.noodrem.processes.port.CitizenNotice;
import nl.noodrem.processes.port.NoticeType;
import nl.noodrem.processes.service.Redaction;
import org.junit.jupiter.api.Test;

class SupportTest {

  private static final CitizenRef CITIZEN = new CitizenRef("cz-0123456789abcdef0123456789abcdef");

  @Test
  void newReference_brake_isPrefixAndEightCrockfordCharacters() {
    assertThat(References.newReference(References.BRAKE)).matches("NR-[0-9A-HJKMNP-TV-Z]{8}");
    assertThat(References.newReference(References.BRAKE)).isNotEqualTo(References.newReference(References.BRAKE));
  }

  @Test
  void forSource_sameSource_sameKeyThatDoesNotRepeatTheSource() {
    String key = References.forSource(References.REVOCATION, "batch-123456782.csv:7");

    assertThat(key).isEqualTo(References.forSource(References.REVOCATION, "batch-123456782.csv:7"))
        .matches("RV-[0-9A-HJKMNP-TV-Z]{16}").doesNotContain("123456782");
    assertThat(References.forSource(References.REVOCATION, "batch.csv:8")).isNotEqualTo(key);
  }

  @Test
  void caseList_roundTripsAsJsonWithoutDuplicates() {
    String json = CaseList.toJson(List.of(CaseNumber.of("WAHV000000000001"), CaseNumber.of("WAHV000000000001")));

    assertThat(json).isEqualTo("[\"WAHV000000000001\"]");
    assertThat(CaseList.fromJson(CaseList.with(json, CaseNumber.of("SB-2025-000042"))))
        .containsExactly(CaseNumber.of("WAHV000000000001"), CaseNumber.of("SB-2025-000042"));
    assertThat(CaseList.fromJson(null)).isEmpty();
    assertThatThrownBy(() -> CaseList.fromJson("{\"not\":\"a list\"}")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void factSealer_sealedFacts_openOnlyUnderTheSameKeyAndUntampered() {
    FactSealer sealer = new FactSealer(key('a'));
    String sealed = sealer.seal("{\"debtAmountCents\":4200000}");

    assertThat(sealed).startsWith("sf1.").doesNotContain("4200000");
    assertThat(sealer.seal("x")).isNotEqualTo(sealer.seal("x"));
    assertThat(sealer.open(sealed)).isEqualTo("{\"debtAmountCents\":4200000}");
    assertThatThrownBy(() -> new FactSealer(key('b')).open(sealed)).hasMessageContaining("does not open");
    char[] chars = sealed.toCharArray();
    chars[10] = chars[10] == 'A' ? 'B' : 'A';
    assertThatThrownBy(() -> sealer.open(new String(chars))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FactSealer.fromBase64("")).hasMessageContaining("sealing-key");
  }

  @Test
  void maskBsns_nineDigitsPassingTheElevenProof_areMaskedOthersKept() {
    assertThat(Redaction.maskBsns("client 123456782 case 123456789 tel 0612345678"))
        .isEqualTo("client ********* case 123456789 tel 0612345678");
    assertThat(Redaction.maskBsns(null)).isNull();
  }

  @Test
  void citizenNotice_sameContent_sameIdSoARetryStoresOneCopy() {
    CitizenNotice a = CitizenNotice.of(CITIZEN, NoticeType.HOLD_EXTENDED, "NR-AAAAAAAA", Map.of("holdEnd", "15-01-2027"));
    CitizenNotice b = CitizenNotice.of(CITIZEN, NoticeType.HOLD_EXTENDED, "NR-AAAAAAAA", Map.of("holdEnd", "15-01-2027"));
    CitizenNotice c = CitizenNotice.of(CITIZEN, NoticeType.HOLD_EXTENDED, "NR-AAAAAAAA", Map.of("holdEnd", "15-09-2027"));

    assertThat(a.noticeId()).isEqualTo(b.noticeId()).isNotEqualTo(c.noticeId());
    assertThat(a.dutch()).isEqualTo("Uw bewijs van schuldhulp is ontvangen. Het uitstel loopt nu tot 15-01-2027. "
        + "Kenmerk NR-AAAAAAAA.");
  }

  @Test
  void citizenNotice_isoDate_readsAsALongDateInEachLanguage() {
    CitizenNotice notice = CitizenNotice.of(CITIZEN, NoticeType.HOLD_EXTENDED, "NR-AAAAAAAA", Map.of("holdEnd", "2027-01-15"));

    assertThat(notice.dutch()).contains("Het uitstel loopt nu tot 15 januari 2027.");
    assertThat(notice.english()).contains("The hold now lasts until 15 January 2027.");
  }

  @Test
  void citizenNotice_caseCount_takesTheSingularOrPluralWord() {
    CitizenNotice one = CitizenNotice.of(CITIZEN, NoticeType.HOLD_PLACED, "NR-AAAAAAAA",
        Map.of("caseCount", "1", "holdEnd", "2026-07-01"));
    CitizenNotice three = CitizenNotice.of(CITIZEN, NoticeType.HOLD_PLACED, "NR-AAAAAAAA",
        Map.of("caseCount", "3", "holdEnd", "2026-07-01"));

    assertThat(one.dutch()).startsWith("Het CJIB int 1 zaak niet tot 1 juli 2026:");
    assertThat(three.dutch()).startsWith("Het CJIB int 3 zaken niet tot 1 juli 2026:").doesNotContain("zaak/zaken");
    assertThat(one.english()).startsWith("CJIB holds collection of 1 case until 1 July 2026:");
    assertThat(three.english()).startsWith("CJIB holds collection of 3 cases until 1 July 2026:");
  }

  @Test
  void properties_toString_neverShowsTheSealingKey() {
    NoodremProcessProperties properties = NoodremProcessProperties.defaults("c2VjcmV0LWtleS1tYXRlcmlhbA==");

    assertThat(properties.toString()).doesNotContain("c2VjcmV0").contains("sealingKey=<redacted>");
    assertThat(properties.historyTimeToLiveDays()).isEqualTo(180);
  }

  @Test
  void properties_firstHoldAndExtensionBeyondTheMaximum_areRefused() {
    NoodremProcessProperties d = NoodremProcessProperties.defaults("");
    assertThatThrownBy(() -> new NoodremProcessProperties(d.zone(), 4, 9, d.revocationGrace(),
        d.acknowledgementOverdue(), d.pickupWindow(), 18, d.reviewDueBefore(), d.review(), d.historyTimeToLive(),
        d.previousBrakesWindow(), "", d.proofAudience(), d.proofRequestLifetime(), 36, d.reviewEscalationBefore(),
        d.reminderBefore(), d.leniencyMonths()))
        .hasMessageContaining("at most 12");
  }

  private static byte[] key(char c) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) c);
    return key;
  }
}
