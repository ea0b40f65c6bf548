package nl.noodrem.zkp.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import nl.noodrem.domain.Oin;
import nl.noodrem.zkp.KeyStoreAccessException;
import nl.noodrem.zkp.SecretKeyAccess;
import nl.noodrem.zkp.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedFileIssuerKeyStoreTest {

  private static final Oin UTRECHT = Oin.of("00000001002220647000");
  private static final Oin AMSTERDAM = Oin.of("00000001002564440000");
  private static final char[] PASSWORD = "correct horse battery staple".toCharArray();

  @TempDir
  Path dir;

  private final MutableClock clock = new MutableClock(Instant.parse("2025-03-03T09:00:00Z"));

  private EncryptedFileIssuerKeyStore store(Path file, char[] password) {
    return new EncryptedFileIssuerKeyStore(file, password, EncryptedFileIssuerKeyStore.MIN_ITERATIONS,
        new SecureRandom(), clock);
  }

  @Test
  void generateAndRotate_newIssuer_countsKeyIdsUpAndKeepsOldKeys() throws Exception {
    Path file = dir.resolve("keys.json");
    var store = store(file, PASSWORD);

    IssuerPublicKey k1 = store.generate(UTRECHT);
    IssuerPublicKey other = store.generate(AMSTERDAM);
    IssuerPublicKey k2 = store.rotate(UTRECHT);

    assertThat(k1.keyId().value()).isEqualTo("00000001002220647000-k1");
    assertThat(k2.keyId().value()).isEqualTo("00000001002220647000-k2");
    assertThat(other.keyId().value()).isEqualTo("00000001002564440000-k1");
    assertThat(store.keyIds(UTRECHT)).containsExactly(k1.keyId(), k2.keyId());
    assertThat(store.currentKeyId(UTRECHT)).contains(k2.keyId());
    assertThat(k1.publicKey()).isNotEqualTo(k2.publicKey());
  }

  @Test
  void load_afterReopeningWithTheSamePassword_givesTheKeyOfTheExportedPublicKey() throws Exception {
    Path file = dir.resolve("keys.json");
    IssuerPublicKey exported = store(file, PASSWORD).generate(UTRECHT);

    IssuerSigningKey loaded = store(file, PASSWORD).load(exported.keyId());

    assertThat(loaded.publicKey()).isEqualTo(exported.publicKey());
    assertThat(exported.chainEncoding()).hasSize(96);
    assertThat(store(file, PASSWORD).publicKey(exported.keyId())).isEqualTo(exported);
  }

  @Test
  void file_atRest_containsNoSecretKeyBytesAndIsOwnerOnly() throws Exception {
    Path file = dir.resolve("keys.json");
    var store = store(file, PASSWORD);
    IssuerKeyId id = store.generate(UTRECHT).keyId();
    byte[] secret = store.load(id).secretKey().toBytes(SecretKeyAccess.insecureSecretAccess());

    String content = Files.readString(file);

    assertThat(content).doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(secret))
        .doesNotContain(java.util.HexFormat.of().formatHex(secret))
        .contains("\"format\" : \"noodrem-bbs-keystore/1\"")
        .contains("AES-256-GCM");
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      assertThat(Files.getPosixFilePermissions(file))
          .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
  }

  @Test
  void load_wrongPassword_isKeyStoreAccessException() throws Exception {
    Path file = dir.resolve("keys.json");
    IssuerKeyId id = store(file, PASSWORD).generate(UTRECHT).keyId();

    assertThatThrownBy(() -> store(file, "not the password".toCharArray()).load(id))
        .isInstanceOf(KeyStoreAccessException.class)
        .hasMessageContaining("wrong password or tampered");
  }

  @Test
  void load_entryMovedToAnotherKeyId_isDetected() throws Exception {
    Path file = dir.resolve("keys.json");
    var store = store(file, PASSWORD);
    store.generate(UTRECHT);
    store.generate(AMSTERDAM);
    // swap the key ids of the two entries: the ciphertexts are bound to their ids, so both must fail
    String swapped = Files.readString(file)
        .replace("00000001002220647000-k1", "TMP")
        .replace("00000001002564440000-k1", "00000001002220647000-k1")
        .replace("TMP", "00000001002564440000-k1");
    Files.writeString(file, swapped);

    assertThatThrownBy(() -> store.load(IssuerKeyId.first(UTRECHT))).isInstanceOf(KeyStoreAccessException.class);
    assertThatThrownBy(() -> store.load(IssuerKeyId.first(AMSTERDAM))).isInstanceOf(KeyStoreAccessException.class);
  }

  @Test
  void load_tamperedCiphertext_isDetected() throws Exception {
    Path file = dir.resolve("keys.json");
    var store = store(file, PASSWORD);
    IssuerKeyId id = store.generate(UTRECHT).keyId();
    String json = Files.readString(file);
    int at = json.indexOf("\"ciphertext\" : \"") + 16;
    char c = json.charAt(at);
    Files.writeString(file, json.substring(0, at) + (c == 'A' ? 'B' : 'A') + json.substring(at + 1));

    assertThatThrownBy(() -> store.load(id)).isInstanceOf(KeyStoreAccessException.class);
  }

  @Test
  void load_unknownKeyOrCorruptFile_isKeyStoreAccessException() throws Exception {
    Path file = dir.resolve("keys.json");
    var store = store(file, PASSWORD);
    assertThatThrownBy(() -> store.load(IssuerKeyId.first(UTRECHT))).isInstanceOf(KeyStoreAccessException.class);

    Files.writeString(file, "{ not json", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> store.keyIds(UTRECHT)).isInstanceOf(KeyStoreAccessException.class);
  }

  @Test
  void constructor_weakSettings_areRefused() {
    Path file = dir.resolve("keys.json");
    assertThatThrownBy(() -> store(file, "short".toCharArray())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EncryptedFileIssuerKeyStore(file, PASSWORD, 1000, new SecureRandom(), clock))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void generate_wrongPasswordOnAnExistingStore_isRefusedAndWritesNothing() throws Exception {
    Path file = dir.resolve("keys.json");
    IssuerKeyId k1 = store(file, PASSWORD).generate(UTRECHT).keyId();
    String before = Files.readString(file);

    assertThatThrownBy(() -> store(file, "not the password".toCharArray()).generate(AMSTERDAM))
        .isInstanceOf(KeyStoreAccessException.class)
        .hasMessageContaining("wrong password");
    assertThatThrownBy(() -> store(file, "not the password".toCharArray()).rotate(UTRECHT))
        .isInstanceOf(KeyStoreAccessException.class);

    assertThat(Files.readString(file)).isEqualTo(before);
    assertThat(store(file, PASSWORD).keyIds(AMSTERDAM)).isEmpty();
    assertThat(store(file, PASSWORD).load(k1).keyId()).isEqualTo(k1);
  }

  @Test
  void generate_rightPasswordOnAnExistingStore_addsTheKeyBesideTheOthers() throws Exception {
    Path file = dir.resolve("keys.json");
    IssuerKeyId k1 = store(file, PASSWORD).generate(UTRECHT).keyId();

    IssuerKeyId other = store(file, PASSWORD.clone()).generate(AMSTERDAM).keyId();

    var reopened = store(file, PASSWORD);
    assertThat(reopened.load(k1).keyId()).isEqualTo(k1);
    assertThat(reopened.load(other).keyId()).isEqualTo(other);
  }

  @Test
  void constructor_iterationsAtTheBounds_areAccepted() {
    Path file = dir.resolve("keys.json");
    new EncryptedFileIssuerKeyStore(file, PASSWORD, EncryptedFileIssuerKeyStore.MIN_ITERATIONS, new SecureRandom(),
        clock).close();
    new EncryptedFileIssuerKeyStore(file, PASSWORD, EncryptedFileIssuerKeyStore.MAX_ITERATIONS, new SecureRandom(),
        clock).close();
  }

  @Test
  void constructor_iterationsJustOutsideTheBounds_areRefused() {
    Path file = dir.resolve("keys.json");
    assertThatThrownBy(() -> new EncryptedFileIssuerKeyStore(file, PASSWORD,
        EncryptedFileIssuerKeyStore.MIN_ITERATIONS - 1, new SecureRandom(), clock))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EncryptedFileIssuerKeyStore(file, PASSWORD,
        EncryptedFileIssuerKeyStore.MAX_ITERATIONS + 1, new SecureRandom(), clock))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void read_entryWithIterationsAtTheBounds_isAccepted() throws Exception {
    Path file = dir.resolve("keys.json");
    store(file, PASSWORD).generate(UTRECHT);

    withIterations(file, EncryptedFileIssuerKeyStore.MAX_ITERATIONS);
    assertThat(store(file, PASSWORD).keyIds(UTRECHT)).hasSize(1);
    withIterations(file, EncryptedFileIssuerKeyStore.MIN_ITERATIONS);
    assertThat(store(file, PASSWORD).keyIds(UTRECHT)).hasSize(1);
  }

  @Test
  void read_entryWithMoreIterationsThanTheMaximum_isRefusedBeforeDerivingAKey() throws Exception {
    Path file = dir.resolve("keys.json");
    IssuerKeyId id = store(file, PASSWORD).generate(UTRECHT).keyId();
    withIterations(file, EncryptedFileIssuerKeyStore.MAX_ITERATIONS + 1);

    assertThatThrownBy(() -> store(file, PASSWORD).load(id))
        .isInstanceOf(KeyStoreAccessException.class)
        .hasMessageContaining("more than " + EncryptedFileIssuerKeyStore.MAX_ITERATIONS + " PBKDF2 iterations");
    withIterations(file, Integer.MAX_VALUE);
    assertThatThrownBy(() -> store(file, PASSWORD).keyIds(UTRECHT)).isInstanceOf(KeyStoreAccessException.class);
  }

  @Test
  void read_entryWithFewerIterationsThanTheMinimum_isRefused() throws Exception {
    Path file = dir.resolve("keys.json");
    store(file, PASSWORD).generate(UTRECHT);
    withIterations(file, EncryptedFileIssuerKeyStore.MIN_ITERATIONS - 1);

    assertThatThrownBy(() -> store(file, PASSWORD).keyIds(UTRECHT))
        .isInstanceOf(KeyStoreAccessException.class)
        .hasMessageContaining("fewer than " + EncryptedFileIssuerKeyStore.MIN_ITERATIONS + " PBKDF2 iterations");
  }

  private static void withIterations(Path file, int iterations) throws java.io.IOException {
    String json = Files.readString(file);
    Files.writeString(file, json.replaceAll("\"iterations\" : \\d+", "\"iterations\" : " + iterations));
  }

  @Test
  void publicKeyJson_roundTrips() throws Exception {
    IssuerPublicKey key = store(dir.resolve("keys.json"), PASSWORD).generate(UTRECHT);

    assertThat(IssuerPublicKey.fromJson(key.toJson())).isEqualTo(key);
  }
}
