package nl.noodrem.zkp.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import nl.noodrem.domain.Oin;
import nl.noodrem.zkp.KeyStoreAccessException;
import nl.noodrem.zkp.MalformedInputException;
import nl.noodrem.zkp.SecretKeyAccess;
import nl.noodrem.zkp.bbs.BbsCiphersuite;
import nl.noodrem.zkp.bbs.BbsPublicKey;
import nl.noodrem.zkp.bbs.BbsSecretKey;
import nl.noodrem.zkp.json.Json;

/**
 * An {@link IssuerKeyManager} keeping keys in one JSON file (format {@value #FORMAT}), each secret key sealed with
 * AES-256-GCM under a key derived from the store password with PBKDF2-HMAC-SHA256 and a per-entry salt.
 *
 * <p>The GCM additional data binds the entry's key id, creation time and public key, so moving or editing an
 * entry makes it undecryptable; on load the decrypted key must also reproduce the stored public key. The file is
 * replaced atomically and, where the file system supports it, readable by its owner only.
 *
 * <p>PKCS#12 was the other option: Java's PKCS#12 key store cannot hold a secret key of an algorithm it does not
 * know (BBS has no registered OID), and this format keeps the public metadata readable without the password.
 *
 * <p>Thread-safe within one JVM; do not share one file between processes that write.
 */
public final class EncryptedFileIssuerKeyStore implements IssuerKeyManager, AutoCloseable {

  public static final String FORMAT = "noodrem-bbs-keystore/1";
  /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
  public static final int DEFAULT_ITERATIONS = 600_000;
  public static final int MIN_ITERATIONS = 100_000;
  /**
   * The most PBKDF2 iterations an entry may ask for (about 17 times the default): an entry with more would make
   * every load a denial of service (a few seconds per million iterations), whoever wrote the file.
   */
  public static final int MAX_ITERATIONS = 10_000_000;
  private static final String KDF = "PBKDF2-HMAC-SHA256";
  private static final String AEAD = "AES-256-GCM";
  private static final int SALT_LENGTH = 16;
  private static final int NONCE_LENGTH = 12;
  private static final int TAG_BITS = 128;

  private final Path file;
  private final char[] password;
  private final int iterations;
  private final SecureRandom random;
  private final Clock clock;

  /**
   * @param password the store password (from configuration or the operator; copied, wiped by {@link #close()})
   * @param iterations PBKDF2 iterations for new entries, {@value #MIN_ITERATIONS} to {@value #MAX_ITERATIONS}
   */
  public EncryptedFileIssuerKeyStore(Path file, char[] password, int iterations, SecureRandom random, Clock clock) {
    this.file = Objects.requireNonNull(file, "file");
    Objects.requireNonNull(password, "password");
    if (password.length < 8) {
      throw new IllegalArgumentException("the key store password must have at least 8 characters");
    }
    if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
      throw new IllegalArgumentException(
          "PBKDF2 iterations must be between " + MIN_ITERATIONS + " and " + MAX_ITERATIONS);
    }
    this.password = password.clone();
    this.iterations = iterations;
    this.random = Objects.requireNonNull(random, "random");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public EncryptedFileIssuerKeyStore(Path file, char[] password) {
    this(file, password, DEFAULT_ITERATIONS, new SecureRandom(), Clock.systemUTC());
  }

  /**
   * {@inheritDoc}
   *
   * <p>A store holds its keys under one password: before sealing a new key, this store's password must open
   * every existing entry, so that a mistyped password fails here instead of leaving a key nobody can load with
   * the others' password.
   *
   * @throws KeyStoreAccessException also if the password does not open an existing entry (nothing is written)
   */
  @Override
  public synchronized IssuerPublicKey generate(Oin issuer) throws KeyStoreAccessException {
    List<Entry> entries = read();
    for (Entry existing : entries) {
      try {
        unseal(existing);
      } catch (KeyStoreAccessException e) {
        throw new KeyStoreAccessException("no key generated: " + e.getMessage(), e);
      }
    }
    int next = entries.stream()
        .map(Entry::keyId)
        .filter(id -> id.issuerOin().equals(issuer))
        .mapToInt(IssuerKeyId::sequence)
        .max()
        .orElse(0) + 1;
    IssuerKeyId keyId = IssuerKeyId.of(issuer, next);
    BbsSecretKey secretKey = BbsSecretKey.generate(BbsCiphersuite.BLS12_381_SHA_256, random, keyId.value());
    Instant createdAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    entries.add(seal(keyId, createdAt, secretKey));
    write(entries);
    return new IssuerPublicKey(keyId, secretKey.publicKey(), createdAt);
  }

  @Override
  public synchronized IssuerSigningKey load(IssuerKeyId keyId) throws KeyStoreAccessException {
    return unseal(find(keyId));
  }

  private IssuerSigningKey unseal(Entry entry) throws KeyStoreAccessException {
    IssuerKeyId keyId = entry.keyId();
    byte[] plain = null;
    byte[] derived = null;
    try {
      derived = deriveKey(entry.salt(), entry.iterations());
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(derived, "AES"), new GCMParameterSpec(TAG_BITS, entry.nonce()));
      cipher.updateAAD(aad(entry.keyId(), entry.createdAt(), entry.publicKey()));
      plain = cipher.doFinal(entry.ciphertext());
      BbsSecretKey secretKey = BbsSecretKey.fromBytes(plain, SecretKeyAccess.insecureSecretAccess());
      if (!secretKey.publicKey().equals(entry.publicKey())) {
        throw new KeyStoreAccessException("key " + keyId + " does not match its stored public key");
      }
      return new IssuerSigningKey(keyId, secretKey);
    } catch (AEADBadTagException e) {
      throw new KeyStoreAccessException("cannot decrypt key " + keyId + ": wrong password or tampered entry");
    } catch (MalformedInputException e) {
      throw new KeyStoreAccessException("key " + keyId + " decrypts to an invalid secret key", e);
    } catch (GeneralSecurityException e) {
      throw new KeyStoreAccessException("cannot decrypt key " + keyId, e);
    } finally {
      wipe(plain);
      wipe(derived);
    }
  }

  @Override
  public synchronized IssuerPublicKey publicKey(IssuerKeyId keyId) throws KeyStoreAccessException {
    Entry entry = find(keyId);
    return new IssuerPublicKey(entry.keyId(), entry.publicKey(), entry.createdAt());
  }

  @Override
  public synchronized List<IssuerKeyId> keyIds(Oin issuer) throws KeyStoreAccessException {
    return read().stream()
        .map(Entry::keyId)
        .filter(id -> id.issuerOin().equals(issuer))
        .sorted(Comparator.comparingInt(IssuerKeyId::sequence))
        .toList();
  }

  /** Wipes the in-memory copy of the password. */
  @Override
  public synchronized void close() {
    Arrays.fill(password, '\0');
  }

  // ---- entries ----------------------------------------------------------------------------------------------

  private record Entry(
      IssuerKeyId keyId, Instant createdAt, BbsPublicKey publicKey, int iterations, byte[] salt, byte[] nonce,
      byte[] ciphertext) {}

  private Entry find(IssuerKeyId keyId) throws KeyStoreAccessException {
    return read().stream()
        .filter(e -> e.keyId().equals(keyId))
        .findFirst()
        .orElseThrow(() -> new KeyStoreAccessException("no key " + keyId + " in " + file.getFileName()));
  }

  private Entry seal(IssuerKeyId keyId, Instant createdAt, BbsSecretKey secretKey) throws KeyStoreAccessException {
    byte[] salt = new byte[SALT_LENGTH];
    byte[] nonce = new byte[NONCE_LENGTH];
    random.nextBytes(salt);
    random.nextBytes(nonce);
    byte[] plain = secretKey.toBytes(SecretKeyAccess.insecureSecretAccess());
    byte[] derived = null;
    try {
      derived = deriveKey(salt, iterations);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(derived, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad(keyId, createdAt, secretKey.publicKey()));
      byte[] ciphertext = cipher.doFinal(plain);
      return new Entry(keyId, createdAt, secretKey.publicKey(), iterations, salt, nonce, ciphertext);
    } catch (GeneralSecurityException e) {
      throw new KeyStoreAccessException("cannot encrypt key " + keyId, e);
    } finally {
      wipe(plain);
      wipe(derived);
    }
  }

  private byte[] deriveKey(byte[] salt, int rounds) throws GeneralSecurityException {
    KeySpec spec = new PBEKeySpec(password, salt, rounds, 256);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } finally {
      ((PBEKeySpec) spec).clearPassword();
    }
  }

  private static byte[] aad(IssuerKeyId keyId, Instant createdAt, BbsPublicKey publicKey) {
    byte[] meta = (FORMAT + "\n" + keyId.value() + "\n" + createdAt + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] pk = publicKey.toBytes();
    byte[] out = Arrays.copyOf(meta, meta.length + pk.length);
    System.arraycopy(pk, 0, out, meta.length, pk.length);
    return out;
  }

  // ---- file -------------------------------------------------------------------------------------------------

  private List<Entry> read() throws KeyStoreAccessException {
    if (!Files.exists(file)) {
      return new ArrayList<>();
    }
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new KeyStoreAccessException("cannot read key store " + file.getFileName(), e);
    }
    try {
      JsonNode root = Json.parseObject(json, "key store");
      Json.requireFormat(root, FORMAT);
      Json.allowOnly(root, "key store", "format", "keys");
      List<Entry> entries = new ArrayList<>();
      for (JsonNode k : Json.array(root, "keys")) {
        Json.allowOnly(k, "key store entry", "keyId", "createdAt", "publicKey", "kdf", "cipher");
        JsonNode kdf = Json.objectMember(k, "kdf");
        JsonNode cipher = Json.objectMember(k, "cipher");
        if (!KDF.equals(Json.text(kdf, "algorithm")) || !AEAD.equals(Json.text(cipher, "algorithm"))) {
          throw new MalformedInputException("key store entry: unsupported algorithm");
        }
        int rounds = Json.intValue(kdf, "iterations");
        if (rounds < MIN_ITERATIONS) {
          throw new MalformedInputException("key store entry: fewer than " + MIN_ITERATIONS + " PBKDF2 iterations");
        }
        if (rounds > MAX_ITERATIONS) {
          throw new MalformedInputException("key store entry: more than " + MAX_ITERATIONS + " PBKDF2 iterations");
        }
        entries.add(new Entry(
            IssuerKeyId.parse(Json.text(k, "keyId")),
            Json.instant(k, "createdAt"),
            BbsPublicKey.fromBytes(Json.bytes(k, "publicKey", BbsPublicKey.LENGTH)),
            rounds,
            Json.bytes(kdf, "salt", SALT_LENGTH),
            Json.bytes(cipher, "nonce", NONCE_LENGTH),
            Json.bytes(cipher, "ciphertext", 32 + TAG_BITS / 8)));
      }
      return entries;
    } catch (MalformedInputException e) {
      throw new KeyStoreAccessException("key store " + file.getFileName() + " is corrupt: " + e.getMessage(), e);
    }
  }

  private void write(List<Entry> entries) throws KeyStoreAccessException {
    ObjectNode root = Json.object();
    root.put("format", FORMAT);
    ArrayNode keys = root.putArray("keys");
    for (Entry e : entries) {
      ObjectNode k = keys.addObject();
      k.put("keyId", e.keyId().value());
      k.put("createdAt", e.createdAt().toString());
      k.put("publicKey", Json.base64(e.publicKey().toBytes()));
      ObjectNode kdf = k.putObject("kdf");
      kdf.put("algorithm", KDF);
      kdf.put("iterations", e.iterations());
      kdf.put("salt", Json.base64(e.salt()));
      ObjectNode cipher = k.putObject("cipher");
      cipher.put("algorithm", AEAD);
      cipher.put("nonce", Json.base64(e.nonce()));
      cipher.put("ciphertext", Json.base64(e.ciphertext()));
    }
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".keystore", ".tmp");
      try {
        restrictToOwner(tmp);
        Files.writeString(tmp, Json.write(root), StandardCharsets.UTF_8);
        try {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new KeyStoreAccessException("cannot write key store " + file.getFileName(), e);
    }
  }

  private static void restrictToOwner(Path path) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system (Windows): rely on the directory's ACLs
    }
  }

  private static void wipe(byte[] octets) {
    if (octets != null) {
      Arrays.fill(octets, (byte) 0);
    }
  }
}
