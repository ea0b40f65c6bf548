package nl.noodrem.camel.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import nl.noodrem.camel.api.DebtHelpRegistry;
import nl.noodrem.camel.api.DebtHelpRegistryException;
import nl.noodrem.camel.api.WgsAnswer;
import nl.noodrem.camel.support.BridgeIntegrationTest;
import nl.noodrem.camel.support.Health;
import nl.noodrem.domain.Bsn;
import nl.noodrem.domain.Oin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A municipality's register answering what it should not: a DTD with an external entity (XXE), no XML
 * at all, an HTTP error page. Each is refused by Noodrem, and the error text says that it was Noodrem's
 * refusal of the register's answer, not a fault the register sent; the entity is never resolved. After
 * each, a normal query works and health says the SOAP bridge is up.
 */
class DebtHelpSoapBadInputTest extends BridgeIntegrationTest {

  static final Oin MUNICIPALITY = Oin.of("00000001999990001000");
  static final String SECRET = "secret-content-of-a-local-file";
  static HttpServer hostile;
  static final AtomicReference<Answer> ANSWER = new AtomicReference<>();
  static final AtomicInteger REQUESTS = new AtomicInteger();
  static Path secretFile;

  record Answer(int status, String contentType, String body) {}

  @Autowired DebtHelpRegistry registry;

  @BeforeAll
  static void startHostileRegister() throws Exception {
    secretFile = Files.createTempFile("noodrem-xxe-", ".txt");
    Files.writeString(secretFile, SECRET);
    hostile = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    hostile.createContext("/register", exchange -> {
      REQUESTS.incrementAndGet();
      exchange.getRequestBody().readAllBytes();
      Answer answer = ANSWER.get();
      byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", answer.contentType());
      exchange.sendResponseHeaders(answer.status(), body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    hostile.start();
  }

  @AfterAll
  static void stopHostileRegister() throws Exception {
    hostile.stop(0);
    Files.deleteIfExists(secretFile);
  }

  @AfterEach
  void normalQueriesStillWork() throws Exception {
    assertThat(registry.lookup(MUNICIPALITY, Bsn.of("999993653"))).isInstanceOf(WgsAnswer.Decided.class);
    assertThat(Health.bridge(HTTP_PORT, "debt-help-soap").path("status").asText()).isEqualTo("UP");
  }

  DebtHelpRegistryException lookupAgainstHostile(Answer answer) {
    ANSWER.set(answer);
    int before = REQUESTS.get();
    SoapDebtHelpRegistry client = new SoapDebtHelpRegistry(camel.createProducerTemplate(),
        Map.of(MUNICIPALITY.value(), "http://127.0.0.1:" + hostile.getAddress().getPort() + "/register"));
    AtomicReference<DebtHelpRegistryException> thrown = new AtomicReference<>();
    assertThatThrownBy(() -> client.lookup(MUNICIPALITY, Bsn.of("999993653")))
        .isInstanceOfSatisfying(DebtHelpRegistryException.class, thrown::set);
    assertThat(REQUESTS.get()).as("the register was asked").isGreaterThan(before);
    return thrown.get();
  }

  @Test
  void answerWithDtdAndExternalEntity_isRefusedByUs_andTheEntityIsNotResolved() {
    String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE e [<!ENTITY x SYSTEM \"" + secretFile.toUri() + "\">]>\n"
        + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
        + "<RaadpleegBeschikkingAntwoord xmlns=\"urn:nl:gemeente:schuldhulpregistratie:raadplegen:v1\">"
        + "<beschikkingStatus>&x;</beschikkingStatus></RaadpleegBeschikkingAntwoord></soapenv:Body></soapenv:Envelope>";

    DebtHelpRegistryException e = lookupAgainstHostile(new Answer(200, "text/xml; charset=utf-8", xxe));

    assertThat(e.getMessage()).startsWith("Noodrem refused the answer of the register of " + MUNICIPALITY)
        .contains("DTD").doesNotContain("fault Client").doesNotContain(SECRET).doesNotContain("999993653");
  }

  @Test
  void answerThatIsNoXml_isRefusedByUs() {
    DebtHelpRegistryException e = lookupAgainstHostile(new Answer(200, "text/xml", "this is not xml"));

    assertThat(e.getMessage()).startsWith("Noodrem refused the answer of the register of " + MUNICIPALITY)
        .doesNotContain("fault Client");
  }

  @Test
  void httpErrorPage_isReportedAsTheRegistersFailure() {
    DebtHelpRegistryException e = lookupAgainstHostile(
        new Answer(503, "text/html", "<html><body>Service Unavailable</body></html>"));

    assertThat(e.getMessage()).contains("the register of " + MUNICIPALITY).contains("503")
        .doesNotContain("Noodrem refused");
  }
}
