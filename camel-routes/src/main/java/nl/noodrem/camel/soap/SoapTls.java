package nl.noodrem.camel.soap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import org.apache.cxf.configuration.jsse.TLSClientParameters;

/**
 * Mutual TLS for the SOAP client: Noodrem's client certificate (a key store) and, optionally, the trust
 * store of the registers' server certificates (else the JVM's default trust).
 *
 * <p><b>Failure:</b> {@link IllegalStateException} at start-up naming the store that cannot be read, so a
 * wrong path or password never shows up later as a failed query.
 */
public final class SoapTls {

  private SoapTls() {}

  /** @return {@code null} when no key store is configured (plain TLS or HTTP) */
  public static TLSClientParameters clientParameters(String keyStore, String keyStorePassword, String type,
      String trustStore, String trustStorePassword) {
    if (blank(keyStore) && blank(trustStore)) {
      return null;
    }
    TLSClientParameters tls = new TLSClientParameters();
    try {
      if (!blank(keyStore)) {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(keyStore, keyStorePassword, type, "key store"), chars(keyStorePassword));
        tls.setKeyManagers(keys.getKeyManagers());
      }
      if (!blank(trustStore)) {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(trustStore, trustStorePassword, type, "trust store"));
        tls.setTrustManagers(trust.getTrustManagers());
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SOAP client TLS could not be set up: " + e.getMessage(), e);
    }
    tls.setDisableCNCheck(false);
    return tls;
  }

  private static KeyStore load(String path, String password, String type, String what) {
    try (InputStream in = Files.newInputStream(Path.of(path))) {
      KeyStore store = KeyStore.getInstance(blank(type) ? "PKCS12" : type);
      store.load(in, chars(password));
      return store;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("SOAP client " + what + " " + path + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static char[] chars(String password) {
    return password == null ? new char[0] : password.toCharArray();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
