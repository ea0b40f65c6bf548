package nl.noodrem.digid.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.opensaml.security.x509.BasicX509Credential;

/**
 * Loading keys and certificates, and building TLS contexts from them. Keystores are PKCS#12 (or JKS);
 * certificates PEM or DER. Nothing here reads files itself: callers hand over bytes, so the same code serves
 * files, classpath resources and generated dev keys.
 */
public final class KeyMaterial {

  private KeyMaterial() {}

  /** A private key with its certificate (and chain), e.g. a PKIoverheid services certificate. */
  public record KeyEntry(PrivateKey privateKey, X509Certificate certificate, List<X509Certificate> chain) {
    public KeyEntry {
      Objects.requireNonNull(privateKey, "privateKey");
      Objects.requireNonNull(certificate, "certificate");
      chain = List.copyOf(chain);
    }

    public BasicX509Credential credential() {
      BasicX509Credential credential = new BasicX509Credential(certificate, privateKey);
      credential.setEntityCertificateChain(chain);
      return credential;
    }

    @Override
    public String toString() {
      return "KeyEntry[" + certificate.getSubjectX500Principal().getName() + "]";
    }
  }

  public static KeyStore loadKeyStore(byte[] bytes, char[] password, String type) {
    try {
      KeyStore keyStore = KeyStore.getInstance(type == null || type.isBlank() ? "PKCS12" : type);
      keyStore.load(new ByteArrayInputStream(bytes), password);
      return keyStore;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("cannot load keystore (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
    }
  }

  /**
   * The private key entry under {@code alias}; with a {@code null} or blank alias the keystore must hold
   * exactly one private key.
   */
  public static KeyEntry keyEntry(KeyStore keyStore, String alias, char[] keyPassword) {
    try {
      String chosen = alias;
      if (chosen == null || chosen.isBlank()) {
        List<String> keyAliases = new ArrayList<>();
        for (String a : Collections.list(keyStore.aliases())) {
          if (keyStore.isKeyEntry(a)) {
            keyAliases.add(a);
          }
        }
        if (keyAliases.size() != 1) {
          throw new IllegalArgumentException("keystore holds " + keyAliases.size() + " private keys: name the alias");
        }
        chosen = keyAliases.get(0);
      }
      Key key = keyStore.getKey(chosen, keyPassword);
      if (!(key instanceof PrivateKey privateKey)) {
        throw new IllegalArgumentException("no private key under alias '" + chosen + "'");
      }
      List<X509Certificate> chain = new ArrayList<>();
      for (Certificate c : keyStore.getCertificateChain(chosen)) {
        chain.add((X509Certificate) c);
      }
      return new KeyEntry(privateKey, chain.get(0), chain);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot read key '" + alias + "' (" + e.getMessage() + ")", e);
    }
  }

  /** Reads one or more X.509 certificates, PEM or DER. */
  public static List<X509Certificate> readCertificates(byte[] bytes) {
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      List<X509Certificate> result = new ArrayList<>();
      for (Certificate c : factory.generateCertificates(new ByteArrayInputStream(bytes))) {
        result.add((X509Certificate) c);
      }
      if (result.isEmpty()) {
        throw new IllegalArgumentException("no certificate found");
      }
      return result;
    } catch (CertificateException e) {
      throw new IllegalArgumentException("cannot read certificate(s): " + e.getMessage(), e);
    }
  }

  public static X509Certificate readCertificate(byte[] der) {
    return readCertificates(der).get(0);
  }

  /** Lower-case hex SHA-256 of the DER encoding, the form used for pinning. */
  public static String sha256Fingerprint(X509Certificate certificate) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An in-memory trust store holding exactly {@code certificates}. */
  public static KeyStore trustStoreOf(List<X509Certificate> certificates) {
    try {
      KeyStore trustStore = KeyStore.getInstance("PKCS12");
      trustStore.load(null, null);
      int i = 0;
      for (X509Certificate certificate : certificates) {
        trustStore.setCertificateEntry("trusted-" + i++, certificate);
      }
      return trustStore;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A TLS context that presents {@code clientKey} when the server asks for a certificate and trusts only
   * the certificates in {@code trustStore} (not the JVM's default CAs: the IdP's chain is configured).
   */
  public static SSLContext mutualTlsContext(KeyEntry clientKey, KeyStore trustStore) {
    try {
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(null, null);
      char[] transientPassword = "transient".toCharArray(); // in-memory only, never written
      keyStore.setKeyEntry("client", clientKey.privateKey(), transientPassword, clientKey.chain().toArray(new X509Certificate[0]));
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keyStore, transientPassword);
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trustStore);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build the mutual TLS context", e);
    }
  }

  /** A TLS server context that requires nothing of itself but a key; client auth is set per connection. */
  public static SSLContext serverContext(KeyEntry serverKey, KeyStore clientTrustStore) {
    return mutualTlsContext(serverKey, clientTrustStore);
  }
}
