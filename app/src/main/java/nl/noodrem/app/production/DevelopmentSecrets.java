package nl.noodrem.app.production;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Every secret this repository commits for development (the dev profile, the READMEs, the run scripts), known here
 * only by its SHA-256 fingerprint, so that a production start that still carries one of them is refused whatever
 * property, variable or secret file it arrived in.
 *
 * <p>Each property value is fingerprinted as text (trimmed, and in lower case for hex key hashes typed in upper
 * case) and, when it is base64, as the bytes it decodes to, so the same key in another base64 spelling is found too.
 * The fingerprints of words that are secrets only as passwords ({@code admin}, {@code demo}) are checked only
 * against properties whose name says "password".
 *
 * <p>Adding a development secret to the repository means adding its fingerprint here (and a case to
 * {@code ProductionGuardTest}): {@code printf %s 'the-secret' | sha256sum}, or of the decoded bytes for a key.
 */
public final class DevelopmentSecrets {

  /** Where a fingerprint counts: in any property, or only in a property named like a password. */
  public enum Scope { ANY_PROPERTY, PASSWORD_PROPERTY }

  /**
   * @param sha256 lower-case hex SHA-256 of the secret (of the decoded bytes for a base64 key)
   * @param what what it is, for the refusal (never the secret itself)
   */
  public record Fingerprint(String sha256, String what, Scope scope) {}

  public static final List<Fingerprint> ALL = List.of(
      new Fingerprint("aff4331b9730903220a57cfbffb539afde66f486ee7cb2b81f1930c9d02fe293",
          "the development pseudonym key (noodrem.privacy.pseudonym-key of the dev profile)", Scope.ANY_PROPERTY),
      new Fingerprint("fb9821df9ef8a586a9e6d8c53be1fa5c38871c6fd9cd6192fc5e21e4651642f4",
          "the development BSN sealing key (noodrem.privacy.sealing-key of the dev profile)", Scope.ANY_PROPERTY),
      new Fingerprint("f579cee5d41d2d97a218d2815125dcd4a62840f58c8d6e2edf456ebf3a710e72",
          "the development fact sealing key (noodrem.process.sealing-key of the dev profile)", Scope.ANY_PROPERTY),
      new Fingerprint("9c34ed9e04d9cbbb15f107105086b36053de7e66626912952fe58ba7511e0d68",
          "the hash of the development partner API key of Den Haag (dev profile)", Scope.ANY_PROPERTY),
      new Fingerprint("050c604a6a6a69c814a733fc8489f5a7c8765c7db9681f2460cfc4afcbffae55",
          "the hash of the development operator API key of CJIB (dev profile)", Scope.ANY_PROPERTY),
      new Fingerprint("71957410ea8dee65cd9f55bcb564c628382a384cf27ad024e95de47a6a8b7177",
          "the development partner API key of Den Haag (README)", Scope.ANY_PROPERTY),
      new Fingerprint("238abb04be1b506af946953f2c38d30fac0a835e18929d4523905e5ae3b77d1f",
          "the development operator API key of CJIB (README)", Scope.ANY_PROPERTY),
      new Fingerprint("a1e9f9b3e42d9ace678299e53e61bdc626228ae02f7938572e948d33c230d2e4",
          "the development admin password (dev profile, README)", Scope.ANY_PROPERTY),
      new Fingerprint("3d4dc990a407cc18f6b3ba914450f46537e67b3f41e76c2ac4dc138ff7e81e76",
          "the development password of the demo case officer (README)", Scope.ANY_PROPERTY),
      new Fingerprint("92bcb89ff5589832db8934aea8b727b46b1bace308ecbb62ac34cb7f7417f82e",
          "the development password of the demo counsellor of Den Haag (README)", Scope.ANY_PROPERTY),
      new Fingerprint("ea5d69630a7c665843cc65f3457282e2e1eb72e7bca5b232a0c87575364487ea",
          "the development password of the demo counsellor of Eindhoven (README)", Scope.ANY_PROPERTY),
      new Fingerprint("2da5aa71787ef8da728bddd7e4ba0c73b8ed535394af49518618a5d34b463133",
          "the development password of the demo network admin (README)", Scope.ANY_PROPERTY),
      new Fingerprint("72c50bd6df2e3d1d69eaae1844ba34acaed99b6595f0e94f4346a1f8781607b4",
          "the development password of the demo process owner (README)", Scope.ANY_PROPERTY),
      new Fingerprint("efc6ade743571c4a99567f79e520eba7b3cb97a586e223b6be1e0d3bd90b2a27",
          "the development issuer key store password (dev profile)", Scope.ANY_PROPERTY),
      new Fingerprint("ecdbbf7f9ffd7194886ecb7b1f1b7b61b1968b0b178bcd358d7ecd0ab34a99d9",
          "the DigiD simulator's public key store password (digid-connector README)", Scope.ANY_PROPERTY),
      new Fingerprint("cb998ca2dc2be3762cd92e8941504767ad5ecee8ee5c79d34a13c6d33febd5e3",
          "the stand-in SFTP password (dev profile)", Scope.ANY_PROPERTY),
      new Fingerprint("8c6976e5b5410415bde908bd4dee15dfb167a9c873fc4bb8a81f6f2ab448a918",
          "the password 'admin' (the admin user's name)", Scope.PASSWORD_PROPERTY),
      new Fingerprint("2a97516c354b68848cdbd8f54a226a0a55b21ed138e207ad6c5cbb9c00aa5aea",
          "the password 'demo' (Camunda's demo account)", Scope.PASSWORD_PROPERTY));

  /** The DigiD simulator's key store password, allowed where {@link ProductionGuard#ALLOW_SIMULATOR_KEYS} says so. */
  static final String SIMULATOR_KEY_STORE_PASSWORD =
      "ecdbbf7f9ffd7194886ecb7b1f1b7b61b1968b0b178bcd358d7ecd0ab34a99d9";

  /** One development secret found in a property. */
  public record Finding(String property, Fingerprint fingerprint) {
    @Override
    public String toString() {
      return property + " holds " + fingerprint.what();
    }
  }

  private DevelopmentSecrets() {}

  /** Every property of {@code env} that holds a development secret, once per property (secrets never printed). */
  public static List<Finding> find(Environment env) {
    List<Finding> findings = new ArrayList<>();
    if (!(env instanceof ConfigurableEnvironment configurable)) {
      return findings;
    }
    Set<String> seen = new LinkedHashSet<>();
    for (PropertySource<?> source : configurable.getPropertySources()) {
      if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
        continue;
      }
      for (String name : enumerable.getPropertyNames()) {
        for (String value : values(env, enumerable, name)) {
          match(name, value).filter(f -> seen.add(name + '\n' + f.sha256()))
              .ifPresent(f -> findings.add(new Finding(name, f)));
        }
      }
    }
    return findings;
  }

  /** The fingerprint {@code value} carries in a property called {@code name}, if it is a development secret. */
  public static Optional<Fingerprint> match(String name, String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    boolean password = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "").contains("password");
    Set<String> fingerprints = fingerprints(value.strip());
    for (Fingerprint known : ALL) {
      if ((known.scope() == Scope.ANY_PROPERTY || password) && fingerprints.contains(known.sha256())) {
        return Optional.of(known);
      }
    }
    return Optional.empty();
  }

  private static Set<String> fingerprints(String value) {
    Set<String> all = new LinkedHashSet<>();
    all.add(sha256(value.getBytes(StandardCharsets.UTF_8)));
    all.add(sha256(value.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
    for (Base64.Decoder decoder : List.of(Base64.getDecoder(), Base64.getUrlDecoder(), Base64.getMimeDecoder())) {
      try {
        byte[] decoded = decoder.decode(value);
        if (decoded.length > 0) {
          all.add(sha256(decoded));
        }
      } catch (IllegalArgumentException notBase64) {
        // not this spelling of base64
      }
    }
    return all;
  }

  /** The raw value and, when it has placeholders, the resolved one (unresolvable placeholders are skipped). */
  private static List<String> values(Environment env, EnumerablePropertySource<?> source, String name) {
    List<String> values = new ArrayList<>(2);
    Object raw = source.getProperty(name);
    if (raw instanceof CharSequence text) {
      values.add(text.toString());
      if (text.toString().contains("${")) {
        try {
          String resolved = env.resolveRequiredPlaceholders(text.toString());
          values.add(resolved);
        } catch (IllegalArgumentException unresolvable) {
          // a required deployment value that is missing: the start fails on it elsewhere, naming it
        }
      }
    }
    return values;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
