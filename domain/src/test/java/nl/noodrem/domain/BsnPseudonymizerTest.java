package nl.noodrem.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class BsnPseudonymizerTest {

  private static final byte[] KEY = "test-only-pseudonym-key-32-bytes!!".getBytes(StandardCharsets.US_ASCII);

  @Test
  void pseudonymize_sameBsnSameKey_isStable() {
    var p = new BsnPseudonymizer(KEY);
    assertThat(p.pseudonymize(Bsn.of("123456782"))).isEqualTo(p.pseudonymize(Bsn.of("123456782")));
  }

  @Test
  void pseudonymize_differentBsn_differs() {
    var p = new BsnPseudonymizer(KEY);
    assertThat(p.pseudonymize(Bsn.of("123456782"))).isNotEqualTo(p.pseudonymize(Bsn.of("999993653")));
  }

  @Test
  void pseudonymize_differentKey_differs() {
    byte[] other = Arrays.copyOf(KEY, KEY.length);
    other[0] ^= 1;
    assertThat(new BsnPseudonymizer(KEY).pseudonymize(Bsn.of("123456782")))
        .isNotEqualTo(new BsnPseudonymizer(other).pseudonymize(Bsn.of("123456782")));
  }

  @Test
  void pseudonymize_containsNeitherTheBsnNorItsPlainHash() throws Exception {
    String ref = new BsnPseudonymizer(KEY).pseudonymize(Bsn.of("123456782")).value();
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest("123456782".getBytes(StandardCharsets.US_ASCII)));
    assertThat(ref).doesNotContain("123456782").doesNotContain(sha.substring(0, 16));
    assertThat(ref).matches("cz-[0-9a-f]{32}");
  }

  @Test
  void new_shortKey_isRejected() {
    assertThatThrownBy(() -> new BsnPseudonymizer(new byte[31])).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new BsnPseudonymizer(null)).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void citizenRef_malformed_isRejected() {
    assertThatThrownBy(() -> new CitizenRef("123456782")).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new CitizenRef(null)).isInstanceOf(InvalidValueException.class);
  }
}
