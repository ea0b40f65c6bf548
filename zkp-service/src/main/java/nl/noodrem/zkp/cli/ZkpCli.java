package nl.noodrem.zkp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.noodrem.domain.InvalidValueException;
import nl.noodrem.domain.Oin;
import nl.noodrem.zkp.CredentialRejectedException;
import nl.noodrem.zkp.MalformedInputException;
import nl.noodrem.zkp.ZkpException;
import nl.noodrem.zkp.bbs.BbsCiphersuite;
import nl.noodrem.zkp.credential.AttributeDefinition;
import nl.noodrem.zkp.credential.AttributeEncoding;
import nl.noodrem.zkp.credential.AttributeValue;
import nl.noodrem.zkp.credential.BbsCredentialSigner;
import nl.noodrem.zkp.credential.BbsCredentialVerifier;
import nl.noodrem.zkp.credential.BbsPresentationProver;
import nl.noodrem.zkp.credential.BbsPresentationVerifier;
import nl.noodrem.zkp.credential.Credential;
import nl.noodrem.zkp.credential.CredentialSchema;
import nl.noodrem.zkp.credential.DebtAssistanceCredentialV1;
import nl.noodrem.zkp.credential.InMemoryNonceStore;
import nl.noodrem.zkp.credential.KnownSchemas;
import nl.noodrem.zkp.credential.Presentation;
import nl.noodrem.zkp.credential.PresentationRequest;
import nl.noodrem.zkp.credential.VerifiedCredential;
import nl.noodrem.zkp.credential.VerifiedPresentation;
import nl.noodrem.zkp.json.Json;
import nl.noodrem.zkp.keys.EncryptedFileIssuerKeyStore;
import nl.noodrem.zkp.keys.IssuerKeyId;
import nl.noodrem.zkp.keys.IssuerPublicKey;
import nl.noodrem.zkp.trust.InMemoryTrustDirectory;
import nl.noodrem.zkp.trust.IssuerKeyRecord;

/**
 * The {@code noodrem-zkp} command-line tool: keygen, sign, verify, request, prove and verify-proof, with JSON in
 * and out (README, "Command-line tool"). Exit codes: 0 success, 1 rejected (the JSON on stdout says why),
 * 2 usage error, 3 file or key store error.
 */
public final class ZkpCli {

  static final int OK = 0;
  static final int REJECTED = 1;
  static final int USAGE = 2;
  static final int IO = 3;

  public static final String PASSWORD_ENV = "NOODREM_KEYSTORE_PASSWORD";
  private static final Instant OPEN_END = Instant.parse("9999-12-31T00:00:00Z");

  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> env;
  private final Clock clock;

  ZkpCli(PrintStream out, PrintStream err, Map<String, String> env, Clock clock) {
    this.out = out;
    this.err = err;
    this.env = env;
    this.clock = clock;
  }

  public static void main(String[] args) {
    System.exit(new ZkpCli(System.out, System.err, System.getenv(), Clock.systemUTC()).run(args));
  }

  int run(String[] args) {
    if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
      out.print(USAGE_TEXT);
      return args.length == 0 ? USAGE : OK;
    }
    Options o;
    try {
      o = Options.parse(Arrays.copyOfRange(args, 1, args.length));
    } catch (IllegalArgumentException e) {
      err.println("usage error: " + e.getMessage());
      return USAGE;
    }
    try {
      return switch (args[0]) {
        case "keygen" -> keygen(o);
        case "export-public-key" -> exportPublicKey(o);
        case "schema" -> schema(o);
        case "sign" -> sign(o);
        case "verify" -> verify(o);
        case "request" -> request(o);
        case "prove" -> prove(o);
        case "verify-proof" -> verifyProof(o);
        default -> {
          err.println("unknown command '" + args[0] + "'; try help");
          yield USAGE;
        }
      };
    } catch (IllegalArgumentException e) {
      err.println("usage error: " + e.getMessage());
      return USAGE;
    } catch (IOException e) {
      err.println("file error: " + e.getMessage());
      return IO;
    } catch (nl.noodrem.zkp.KeyStoreAccessException e) {
      err.println("key store error: " + e.getMessage());
      return IO;
    } catch (ZkpException e) {
      emit(o, rejection(e));
      return REJECTED;
    }
  }

  // ---- commands ---------------------------------------------------------------------------------------------

  private int keygen(Options o) throws IOException, ZkpException {
    Oin issuer = oin(o.required("issuer-oin"));
    try (EncryptedFileIssuerKeyStore store = keyStore(o)) {
      IssuerPublicKey key = store.generate(issuer);
      emit(o, key.toJson());
      err.println("generated " + key.keyId());
    }
    return OK;
  }

  private int exportPublicKey(Options o) throws IOException, ZkpException {
    try (EncryptedFileIssuerKeyStore store = keyStore(o)) {
      emit(o, store.publicKey(IssuerKeyId.parse(o.required("key-id"))).toJson());
    }
    return OK;
  }

  private int schema(Options o) throws IOException {
    CredentialSchema schema = DebtAssistanceCredentialV1.SCHEMA;
    emit(o, new String(schema.canonicalJson(), StandardCharsets.UTF_8));
    err.println("sha256 " + HexFormat.of().formatHex(schema.documentHash()));
    return OK;
  }

  private int sign(Options o) throws IOException, ZkpException {
    BbsCiphersuite suite = BbsCiphersuite.byName(o.optional("ciphersuite", "BLS12-381-SHA-256"))
        .orElseThrow(() -> new IllegalArgumentException("unknown ciphersuite"));
    CredentialSchema schema = DebtAssistanceCredentialV1.SCHEMA;
    Map<String, AttributeValue> attributes = readAttributes(schema, read(o.required("attributes")));
    try (EncryptedFileIssuerKeyStore store = keyStore(o)) {
      var key = store.load(IssuerKeyId.parse(o.required("key-id")));
      Credential credential = new BbsCredentialSigner(suite, schema, key, clock).sign(attributes);
      emit(o, credential.toJson());
    }
    return OK;
  }

  private int verify(Options o) throws IOException, ZkpException {
    Credential credential = Credential.fromJson(read(o.required("credential")), KnownSchemas.builtIn());
    InMemoryTrustDirectory trust = trustFrom(IssuerPublicKey.fromJson(read(o.required("public-key"))));
    VerifiedCredential verified = new BbsCredentialVerifier(trust, trust, KnownSchemas.builtIn(), clock)
        .verify(credential);
    ObjectNode n = Json.object();
    n.put("format", "noodrem-bbs-credential-verification/1");
    n.put("valid", true);
    n.put("issuerKeyId", credential.issuerKeyId().value());
    n.put("schema", verified.schema().id() + " v" + verified.schema().version());
    n.put("attributes", credential.attributes().size());
    emit(o, Json.write(n));
    return OK;
  }

  private int request(Options o) throws IOException, ZkpException {
    List<String> disclose = o.list("disclose", DebtAssistanceCredentialV1.CJIB_DISCLOSURE);
    long ttl = o.longValue("ttl-seconds", 600);
    InMemoryTrustDirectory none = new InMemoryTrustDirectory();
    BbsPresentationVerifier verifier = BbsPresentationVerifier.builder(o.required("audience"))
        .issuerKeys(none).schemas(none).nonceStore(new InMemoryNonceStore(clock, Duration.ofDays(1)))
        .requestTtl(Duration.ofSeconds(ttl)).clock(clock).random(new SecureRandom()).build();
    emit(o, verifier.createRequest(DebtAssistanceCredentialV1.SCHEMA, disclose).toJson());
    return OK;
  }

  private int prove(Options o) throws IOException, ZkpException {
    Credential credential = Credential.fromJson(read(o.required("credential")), KnownSchemas.builtIn());
    PresentationRequest request = PresentationRequest.fromJson(read(o.required("request")));
    Presentation presentation = new BbsPresentationProver(KnownSchemas.builtIn(), clock).prove(credential, request);
    emit(o, presentation.toJson());
    return OK;
  }

  private int verifyProof(Options o) throws IOException, ZkpException {
    PresentationRequest request = PresentationRequest.fromJson(read(o.required("request")));
    Presentation presentation = Presentation.fromJson(read(o.required("presentation")), KnownSchemas.builtIn());
    InMemoryTrustDirectory trust = trustFrom(IssuerPublicKey.fromJson(read(o.required("public-key"))));
    List<String> revoked = o.list("revoked", List.of());
    for (String entry : revoked) {
      String[] parts = entry.split("/");
      if (parts.length != 2) {
        throw new IllegalArgumentException("--revoked takes statusListId/statusIndex");
      }
      trust.revoke(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    }
    InMemoryNonceStore nonces = new InMemoryNonceStore(clock, Duration.ofDays(1));
    nonces.remember(request);
    BbsPresentationVerifier.Builder builder = BbsPresentationVerifier.builder(request.audience())
        .issuerKeys(trust).schemas(trust).nonceStore(nonces).clock(clock);
    if (!revoked.isEmpty()) {
      builder.revocation(trust);
    }
    VerifiedPresentation verified = builder.build().verify(presentation);
    emit(o, verified.toJson());
    return OK;
  }

  // ---- helpers ----------------------------------------------------------------------------------------------

  private EncryptedFileIssuerKeyStore keyStore(Options o) throws IOException {
    Path file = Path.of(o.required("keystore"));
    char[] password;
    if (o.has("password-file")) {
      String text = Files.readString(Path.of(o.required("password-file")), StandardCharsets.UTF_8);
      password = text.strip().toCharArray();
    } else if (env.containsKey(PASSWORD_ENV)) {
      password = env.get(PASSWORD_ENV).toCharArray();
    } else {
      throw new IllegalArgumentException("give --password-file or set " + PASSWORD_ENV);
    }
    long asked = o.longValue("kdf-iterations", EncryptedFileIssuerKeyStore.DEFAULT_ITERATIONS);
    if (asked < EncryptedFileIssuerKeyStore.MIN_ITERATIONS || asked > EncryptedFileIssuerKeyStore.MAX_ITERATIONS) {
      throw new IllegalArgumentException("--kdf-iterations must be between "
          + EncryptedFileIssuerKeyStore.MIN_ITERATIONS + " and " + EncryptedFileIssuerKeyStore.MAX_ITERATIONS);
    }
    int iterations = (int) asked;
    try {
      return new EncryptedFileIssuerKeyStore(file, password, iterations, new SecureRandom(), clock);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  /** The CLI's trust directory: the given public key, taken as valid and active, and the built-in schema. */
  private static InMemoryTrustDirectory trustFrom(IssuerPublicKey key) {
    return new InMemoryTrustDirectory()
        .putKey(new IssuerKeyRecord(key.keyId().value(), key.keyId().issuerOin().value(),
            "issuer " + key.keyId().issuerOin().value() + " (from public key file)", key.chainEncoding(),
            key.createdAt(), OPEN_END, true, false))
        .putSchema(DebtAssistanceCredentialV1.SCHEMA.toSchemaRecord());
  }

  /** Attributes file: a JSON object with one member per schema attribute, typed as in the credential format. */
  private static Map<String, AttributeValue> readAttributes(CredentialSchema schema, String json)
      throws MalformedInputException {
    JsonNode root = Json.parseObject(json, "attributes");
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      AttributeDefinition definition = schema.attribute(name).orElseThrow(() ->
          new MalformedInputException("attributes: '" + name + "' is not in schema " + schema.id()));
      values.put(name, AttributeEncoding.fromJson(definition, root.get(name)));
    }
    return values;
  }

  private static Oin oin(String text) {
    try {
      return Oin.of(text);
    } catch (InvalidValueException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  private static String read(String file) throws IOException {
    return Files.readString(Path.of(file), StandardCharsets.UTF_8);
  }

  private void emit(Options o, String json) {
    String target = o.optional("out", null);
    if (target == null) {
      out.println(json);
      return;
    }
    try {
      Files.writeString(Path.of(target), json + System.lineSeparator(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println("file error: " + e.getMessage());
      out.println(json);
    }
  }

  private static String rejection(ZkpException e) {
    ObjectNode n = Json.object();
    n.put("format", "noodrem-bbs-rejection/1");
    n.put("valid", false);
    n.put("error", e.getClass().getSimpleName());
    if (e instanceof CredentialRejectedException r) {
      n.put("reason", r.reason().name());
    }
    n.put("message", e.getMessage());
    return Json.write(n);
  }

  /** {@code --name value} pairs; a repeated name collects values. */
  static final class Options {
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        if (!args[i].startsWith("--") || i + 1 >= args.length) {
          throw new IllegalArgumentException("expected --name value, got '" + args[i] + "'");
        }
        o.values.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[++i]);
      }
      return o;
    }

    boolean has(String name) {
      return values.containsKey(name);
    }

    String required(String name) {
      List<String> v = values.get(name);
      if (v == null) {
        throw new IllegalArgumentException("missing --" + name);
      }
      return v.get(v.size() - 1);
    }

    String optional(String name, String fallback) {
      return has(name) ? required(name) : fallback;
    }

    long longValue(String name, long fallback) {
      try {
        return has(name) ? Long.parseLong(required(name)) : fallback;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--" + name + " takes a number");
      }
    }

    /** Comma-separated and/or repeated values. */
    List<String> list(String name, List<String> fallback) {
      if (!has(name)) {
        return fallback;
      }
      List<String> out = new ArrayList<>();
      for (String v : values.get(name)) {
        for (String part : v.split(",")) {
          if (!part.isBlank()) {
            out.add(part.strip());
          }
        }
      }
      return out;
    }
  }

  static final String USAGE_TEXT = """
      noodrem-zkp: BBS credentials and zero-knowledge presentations (DebtAssistanceCredential v1)

      Issuer
        keygen            --keystore FILE --issuer-oin OIN [--password-file FILE] [--out FILE]
                          generate the issuer's next key (k1, k2, ...); prints the public key JSON
        export-public-key --keystore FILE --key-id ID [--password-file FILE] [--out FILE]
        schema            [--out FILE]   the canonical schema document (its sha256 on stderr)
        sign              --keystore FILE --key-id ID --attributes FILE [--ciphersuite NAME]
                          [--password-file FILE] [--out FILE]
      Holder
        verify            --credential FILE --public-key FILE
        prove             --credential FILE --request FILE [--out FILE]
      Verifier
        request           --audience AUD [--disclose a,b,c] [--ttl-seconds N] [--out FILE]
        verify-proof      --presentation FILE --request FILE --public-key FILE [--revoked LIST/INDEX]...

      The key store password comes from --password-file or the environment variable NOODREM_KEYSTORE_PASSWORD.
      Exit codes: 0 ok, 1 rejected (JSON on stdout says why), 2 usage, 3 file or key store error.
      """;
}
