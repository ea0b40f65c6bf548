package nl.noodrem.zkp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the command-line tool's main entry point through keygen → sign → verify → request → prove → verify-proof. */
class ZkpCliTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private record Result(int exit, String out, String err) {
    JsonNode json() throws Exception {
      return JSON.readTree(out);
    }
  }

  private Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = new ZkpCli(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Clock.systemUTC()).run(args);
    return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private String path(String name) {
    return dir.resolve(name).toString();
  }

  private static String[] args(String... parts) {
    return parts;
  }

  private String[] withKeystore(String... parts) {
    List<String> all = new ArrayList<>(List.of(parts));
    all.addAll(List.of("--keystore", path("keys.json"), "--password-file", path("password.txt"),
        "--kdf-iterations", "100000"));
    return all.toArray(new String[0]);
  }

  @Test
  void main_keygenSignProveVerify_roundTripsAndDisclosesOnlyTheRequestedAttributes() throws Exception {
    Files.writeString(dir.resolve("password.txt"), "a long test-only password\n");
    Files.writeString(dir.resolve("attributes.json"), """
        {"bsn": "999993653", "issuerOin": "00000001002220647000", "assistanceType": "MSNP",
         "decisionDate": "2025-01-10", "helpStartDate": "2025-01-20", "validUntil": "2099-01-19",
         "statusListId": 3, "statusIndex": 17, "debtAmountCents": 250000, "creditorCount": 4,
         "counsellorId": "c-042"}
        """);

    Result keygen = run(withKeystore("keygen", "--issuer-oin", "00000001002220647000", "--out", path("pk.json")));
    assertThat(keygen.exit()).as(keygen.err()).isZero();
    JsonNode pk = JSON.readTree(dir.resolve("pk.json").toFile());
    assertThat(pk.get("format").asText()).isEqualTo("noodrem-bbs-public-key/1");
    assertThat(pk.get("keyId").asText()).isEqualTo("00000001002220647000-k1");
    assertThat(pk.get("publicKeyHex").asText()).hasSize(192);

    Result sign = run(withKeystore("sign", "--key-id", "00000001002220647000-k1",
        "--attributes", path("attributes.json"), "--out", path("credential.json")));
    assertThat(sign.exit()).as(sign.err()).isZero();
    assertThat(JSON.readTree(dir.resolve("credential.json").toFile()).get("format").asText())
        .isEqualTo("noodrem-bbs-credential/1");

    Result verify = run(args("verify", "--credential", path("credential.json"), "--public-key", path("pk.json")));
    assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
    assertThat(verify.json().get("valid").asBoolean()).isTrue();

    Result request = run(args("request", "--audience", "urn:cjib:test", "--out", path("request.json")));
    assertThat(request.exit()).as(request.err()).isZero();

    Result prove = run(args("prove", "--credential", path("credential.json"), "--request", path("request.json"),
        "--out", path("presentation.json")));
    assertThat(prove.exit()).as(prove.out() + prove.err()).isZero();
    String presentation = Files.readString(dir.resolve("presentation.json"));
    assertThat(presentation).doesNotContain("250000").doesNotContain("c-042");

    Result verified = run(args("verify-proof", "--presentation", path("presentation.json"),
        "--request", path("request.json"), "--public-key", path("pk.json")));
    assertThat(verified.exit()).as(verified.out() + verified.err()).isZero();
    JsonNode disclosed = verified.json().get("disclosed");
    assertThat(disclosed.get("bsn").asText()).isEqualTo("999993653");
    assertThat(disclosed.get("assistanceType").asText()).isEqualTo("MSNP");
    assertThat(disclosed.get("statusIndex").asLong()).isEqualTo(17);
    assertThat(disclosed.has("debtAmountCents")).isFalse();

    Result revoked = run(args("verify-proof", "--presentation", path("presentation.json"),
        "--request", path("request.json"), "--public-key", path("pk.json"), "--revoked", "3/17"));
    assertThat(revoked.exit()).isEqualTo(ZkpCli.REJECTED);
    assertThat(revoked.json().get("reason").asText()).isEqualTo("CREDENTIAL_REVOKED");
  }

  @Test
  void main_tamperedPresentation_exitsRejectedWithReasonJson() throws Exception {
    Files.writeString(dir.resolve("password.txt"), "a long test-only password");
    Files.writeString(dir.resolve("attributes.json"), """
        {"bsn": "999993653", "issuerOin": "00000001002220647000", "assistanceType": "WSNP",
         "decisionDate": "2025-01-10", "helpStartDate": "2025-01-20", "validUntil": "2099-01-19",
         "statusListId": 3, "statusIndex": 17, "debtAmountCents": 250000, "creditorCount": 4,
         "counsellorId": "c-042"}
        """);
    assertThat(run(withKeystore("keygen", "--issuer-oin", "00000001002220647000", "--out", path("pk.json"))).exit())
        .isZero();
    assertThat(run(withKeystore("sign", "--key-id", "00000001002220647000-k1", "--attributes",
        path("attributes.json"), "--out", path("credential.json"))).exit()).isZero();
    assertThat(run(args("request", "--audience", "urn:cjib:test", "--out", path("request.json"))).exit()).isZero();
    assertThat(run(args("prove", "--credential", path("credential.json"), "--request", path("request.json"),
        "--out", path("presentation.json"))).exit()).isZero();
    String forged = Files.readString(dir.resolve("presentation.json")).replace("\"WSNP\"", "\"MSNP\"");
    Files.writeString(dir.resolve("forged.json"), forged);

    Result result = run(args("verify-proof", "--presentation", path("forged.json"),
        "--request", path("request.json"), "--public-key", path("pk.json")));

    assertThat(result.exit()).isEqualTo(ZkpCli.REJECTED);
    assertThat(result.json().get("valid").asBoolean()).isFalse();
    assertThat(result.json().get("error").asText()).isEqualTo("InvalidProofException");
  }

  @Test
  void main_wrongPasswordOrUsage_exitCodesSayWhich() throws Exception {
    Files.writeString(dir.resolve("password.txt"), "a long test-only password");
    assertThat(run(withKeystore("keygen", "--issuer-oin", "00000001002220647000", "--out", path("pk.json"))).exit())
        .isZero();
    Files.writeString(dir.resolve("password.txt"), "another long password");
    Files.writeString(dir.resolve("attributes.json"), """
        {"bsn": "999993653", "issuerOin": "00000001002220647000", "assistanceType": "WSNP",
         "decisionDate": "2025-01-10", "helpStartDate": "2025-01-20", "validUntil": "2099-01-19",
         "statusListId": 3, "statusIndex": 17, "debtAmountCents": 250000, "creditorCount": 4,
         "counsellorId": "c-042"}
        """);

    Result wrongPassword = run(withKeystore("sign", "--key-id", "00000001002220647000-k1", "--attributes",
        path("attributes.json")));
    assertThat(wrongPassword.exit()).isEqualTo(ZkpCli.IO);
    assertThat(wrongPassword.err()).contains("wrong password");
    assertThat(run(withKeystore("sign", "--key-id", "00000001002220647000-k1", "--attributes",
        path("pk.json"))).exit()).isEqualTo(ZkpCli.REJECTED);
    assertThat(run(withKeystore("export-public-key", "--key-id", "00000001002220647000-k1")).exit()).isZero();
    assertThat(run(args("frobnicate")).exit()).isEqualTo(ZkpCli.USAGE);
    assertThat(run(args("keygen", "--issuer-oin")).exit()).isEqualTo(ZkpCli.USAGE);
    assertThat(run(args("keygen", "--issuer-oin", "123", "--keystore", path("k.json"), "--password-file",
        path("password.txt"))).exit()).isEqualTo(ZkpCli.USAGE);
    assertThat(run(args()).exit()).isEqualTo(ZkpCli.USAGE);
  }

  @Test
  void main_keygenWithAWrongPasswordOnAnExistingStore_failsAndSealsNoKey() throws Exception {
    Files.writeString(dir.resolve("password.txt"), "a long test-only password");
    assertThat(run(withKeystore("keygen", "--issuer-oin", "00000001002220647000")).exit()).isZero();
    String before = Files.readString(dir.resolve("keys.json"));
    Files.writeString(dir.resolve("password.txt"), "another long password");

    Result keygen = run(withKeystore("keygen", "--issuer-oin", "00000001002564440000", "--out", path("pk.json")));

    assertThat(keygen.exit()).isEqualTo(ZkpCli.IO);
    assertThat(keygen.err()).startsWith("key store error: ").contains("wrong password");
    assertThat(Files.readString(dir.resolve("keys.json"))).isEqualTo(before);
    assertThat(dir.resolve("pk.json")).doesNotExist();
  }

  @Test
  void main_kdfIterationsOutOfRange_isAUsageError() throws Exception {
    Files.writeString(dir.resolve("password.txt"), "a long test-only password");
    for (String iterations : List.of("99999", "10000001", "4295067296")) {
      Result keygen = run("keygen", "--issuer-oin", "00000001002220647000", "--keystore", path("keys.json"),
          "--password-file", path("password.txt"), "--kdf-iterations", iterations);
      assertThat(keygen.exit()).as(iterations).isEqualTo(ZkpCli.USAGE);
      assertThat(keygen.err()).contains("--kdf-iterations must be between 100000 and 10000000");
    }
    assertThat(dir.resolve("keys.json")).doesNotExist();
  }

  @Test
  void main_schema_printsTheCanonicalDocument() throws Exception {
    Result schema = run(args("schema"));

    assertThat(schema.exit()).isZero();
    assertThat(schema.json().get("id").asText()).isEqualTo("DebtAssistanceCredential");
    assertThat(schema.err()).contains("800e5576775c2c3ed9a42bcfa2fda9769c88f31cfc491335b85734cb3ce91924");
  }
}
