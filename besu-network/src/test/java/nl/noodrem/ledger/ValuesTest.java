package nl.noodrem.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuesTest {

  static final String A = "0x1111111111111111111111111111111111111111";
  static final String B = "0x2222222222222222222222222222222222222222";
  static final String C = "0x3333333333333333333333333333333333333333";

  @Test
  void keyId_roundTripsThroughBytes32() {
    KeyId id = KeyId.of("00000001002220647000-k1");
    byte[] bytes = id.toBytes32();
    assertThat(bytes).hasSize(32);
    assertThat(bytes[23]).isZero();
    assertThat(KeyId.fromBytes32(bytes)).isEqualTo(id);
  }

  @Test
  void keyId_invalid_isRejected() {
    assertThatThrownBy(() -> KeyId.of("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KeyId.of("x".repeat(33))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KeyId.of("with space")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KeyId.of("é")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KeyId.fromBytes32(new byte[31])).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void addressBook_needsAllThreeValidAddresses_andNothingElse() {
    AddressBook book = AddressBook.of(A, B, C.toUpperCase().replace("0X", "0x"));
    assertThat(book.issuerRegistry()).isEqualTo(A);
    assertThat(book.statusListRegistry()).isEqualTo(C);
    assertThat(book.addresses()).containsOnlyKeys("IssuerRegistry", "SchemaRegistry", "StatusListRegistry");

    assertThatThrownBy(() -> new AddressBook(Map.of("IssuerRegistry", A, "SchemaRegistry", B)))
        .hasMessageContaining("StatusListRegistry");
    assertThatThrownBy(() -> AddressBook.of(A, B, "0x123")).hasMessageContaining("StatusListRegistry");
    assertThatThrownBy(() -> new AddressBook(Map.of("IssuerRegistry", A, "SchemaRegistry", B,
        "StatusListRegistry", C, "Other", A))).hasMessageContaining("Other");
  }

  @Test
  void accountKeys_hexOrFile_andErrorsNeverEchoTheKey(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    String key = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"; // Anvil dev account 1
    assertThat(AccountKeys.fromHex(key).getAddress()).isEqualTo("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
    assertThat(AccountKeys.fromHex(key.substring(2)).getAddress()).isEqualTo("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
    java.nio.file.Path file = dir.resolve("utrecht.key");
    java.nio.file.Files.writeString(file, key + "\n");
    assertThat(AccountKeys.fromFile(file).getAddress()).isEqualTo("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");

    String broken = key.substring(0, 60);
    assertThatThrownBy(() -> AccountKeys.fromHex(broken)).isInstanceOf(IllegalArgumentException.class)
        .message().doesNotContain(broken.substring(2, 20));
    java.nio.file.Files.writeString(file, broken);
    assertThatThrownBy(() -> AccountKeys.fromFile(file)).hasMessageContaining(file.toString())
        .message().doesNotContain(broken.substring(2, 20));
    assertThatThrownBy(() -> AccountKeys.fromFile(dir.resolve("missing.key"))).hasMessageContaining("missing.key");
  }

  @Test
  void statusBits_answerOnlyWithinTheirRange() {
    java.util.BitSet set = new java.util.BitSet();
    set.set(2);
    StatusBits bits = new StatusBits(1, 100, 10, set, 1);
    assertThat(bits.isRevoked(102)).isTrue();
    assertThat(bits.isRevoked(100)).isFalse();
    assertThat(bits.revokedIndices()).containsExactly(102L);
    assertThatThrownBy(() -> bits.isRevoked(110)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> bits.isRevoked(99)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
