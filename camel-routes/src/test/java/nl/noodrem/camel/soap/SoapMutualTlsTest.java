package nl.noodrem.camel.soap;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;
import nl.noodrem.camel.api.DebtHelpRegistry;
import nl.noodrem.camel.api.WgsAnswer;
import nl.noodrem.camel.support.BridgesTestApplication;
import nl.noodrem.domain.Bsn;
import nl.noodrem.domain.Oin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The SOAP query over mutual TLS: a register on loopback that requires a client certificate it trusts
 * answers Noodrem, configured only through {@code noodrem.legacy.debt-help-soap.tls.*}. Key pairs are
 * made by the JDK's {@code keytool} for this test and deleted after it.
 */
@SpringBootTest(classes = BridgesTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class SoapMutualTlsTest {

  static final String PASSWORD = "test-only";
  static final Path WORK;
  static final HttpsServer REGISTER;
  static final AtomicReference<String> CLIENT_SUBJECT = new AtomicReference<>();

  static {
    try {
      WORK = Files.createTempDirectory("noodrem-mtls-");
      keytool("-genkeypair", "-alias", "register", "-keyalg", "EC", "-dname", "CN=localhost",
          "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-keystore", path("register.p12"));
      keytool("-genkeypair", "-alias", "noodrem", "-keyalg", "EC", "-dname", "CN=noodrem-test-client",
          "-validity", "2", "-keystore", path("noodrem.p12"));
      keytool("-exportcert", "-alias", "register", "-keystore", path("register.p12"), "-file", path("register.crt"));
      keytool("-exportcert", "-alias", "noodrem", "-keystore", path("noodrem.p12"), "-file", path("noodrem.crt"));
      keytool("-importcert", "-noprompt", "-alias", "register", "-file", path("register.crt"),
          "-keystore", path("noodrem-trust.p12"));
      keytool("-importcert", "-noprompt", "-alias", "noodrem", "-file", path("noodrem.crt"),
          "-keystore", path("register-trust.p12"));
      REGISTER = register();
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @Autowired DebtHelpRegistry registry;

  @DynamicPropertySource
  static void onlyTheSoapBridgeOverMutualTls(DynamicPropertyRegistry registry) {
    registry.add("spring.artemis.mode", () -> "native");
    registry.add("spring.artemis.broker-url", () -> "tcp://127.0.0.1:1");
    registry.add("noodrem.privacy.sealing-key", () -> "dGVzdC1vbmx5LXNlYWxpbmcta2V5LTMyLWJ5dGVzISE=");
    registry.add("noodrem.legacy.collection.enabled", () -> "false");
    registry.add("noodrem.legacy.chain-status.enabled", () -> "false");
    registry.add("noodrem.legacy.debt-help-soap.address",
        () -> "https://127.0.0.1:" + REGISTER.getAddress().getPort() + "/register");
    registry.add("noodrem.legacy.debt-help-soap.tls.key-store", () -> path("noodrem.p12"));
    registry.add("noodrem.legacy.debt-help-soap.tls.key-store-password", () -> PASSWORD);
    registry.add("noodrem.legacy.debt-help-soap.tls.trust-store", () -> path("noodrem-trust.p12"));
    registry.add("noodrem.legacy.debt-help-soap.tls.trust-store-password", () -> PASSWORD);
    registry.add("noodrem.legacy.health.check-interval-ms", () -> "3600000");
  }

  @AfterAll
  static void stop() throws IOException {
    REGISTER.stop(0);
    try (var files = Files.walk(WORK)) {
      files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void lookup_registerRequiringAClientCertificate_isAnsweredWithNoodremsCertificate() throws Exception {
    WgsAnswer answer = registry.lookup(Oin.of("00000001999990001000"), Bsn.of("999993653"));

    assertThat(answer).isEqualTo(new WgsAnswer.None("geen traject"));
    assertThat(CLIENT_SUBJECT.get()).isEqualTo("CN=noodrem-test-client");
  }

  static String path(String name) {
    return WORK.resolve(name).toString();
  }

  static void keytool(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
    command.addAll(List.of(args));
    command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
    }
  }

  static HttpsServer register() throws Exception {
    SSLContext tls = SSLContext.getInstance("TLS");
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store("register.p12"), PASSWORD.toCharArray());
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store("register-trust.p12"));
    tls.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
    HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls) {
      @Override
      public void configure(HttpsParameters params) {
        var ssl = tls.getDefaultSSLParameters();
        ssl.setNeedClientAuth(true);
        params.setSSLParameters(ssl);
      }
    });
    server.createContext("/register", exchange -> {
      exchange.getRequestBody().readAllBytes();
      SSLSession session = ((com.sun.net.httpserver.HttpsExchange) exchange).getSSLSession();
      try {
        CLIENT_SUBJECT.set(((X509Certificate) session.getPeerCertificates()[0]).getSubjectX500Principal().getName());
      } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
        CLIENT_SUBJECT.set(null);
      }
      byte[] body = ("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
          + "<RaadpleegBeschikkingAntwoord xmlns=\"urn:nl:gemeente:schuldhulpregistratie:raadplegen:v1\">"
          + "<beschikkingStatus>NEE</beschikkingStatus><toelichting>geen traject</toelichting>"
          + "</RaadpleegBeschikkingAntwoord></soapenv:Body></soapenv:Envelope>").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/xml; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    return server;
  }

  static KeyStore store(String name) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(WORK.resolve(name))) {
      store.load(in, PASSWORD.toCharArray());
    }
    return store;
  }
}
