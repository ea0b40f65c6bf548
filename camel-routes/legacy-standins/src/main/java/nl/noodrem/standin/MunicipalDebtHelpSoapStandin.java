package nl.noodrem.standin;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import nl.noodrem.domain.Bsn;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.cxf.common.CxfPayload;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapHeader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Stand-in for a municipality's debt-help register: serves the query of
 * {@code wsdl/schuldhulpregistratie-v1.wsdl} over SOAP 1.1 (CXF, payload mode, under the host's CXF
 * servlet) and answers from its own H2 database ({@code SHV_BESCHIKKING}). Development and test only.
 *
 * <p>Besides real answers it can be switched {@link #setUnavailable unavailable}, answering the
 * {@code NIET_BESCHIKBAAR} fault as a register under maintenance does.
 */
public class MunicipalDebtHelpSoapStandin extends RouteBuilder {

  static final String NS = "urn:nl:gemeente:schuldhulpregistratie:raadplegen:v1";
  public static final String ROUTE_ID = "standin-municipal-soap";

  private final StandinProperties.Municipality properties;
  private final StandinDatabase database;
  private final AtomicBoolean unavailable = new AtomicBoolean();

  public MunicipalDebtHelpSoapStandin(StandinProperties.Municipality properties, StandinDatabase database) {
    this.properties = properties;
    this.database = database;
  }

  /** The register's own database (decisions per BSN), e.g. to add a decision while developing. */
  public StandinDatabase database() {
    return database;
  }

  /** While true every query is answered with the {@code NIET_BESCHIKBAAR} fault. */
  public void setUnavailable(boolean value) {
    unavailable.set(value);
  }

  @Override
  public void configure() {
    from("cxf:" + properties.soapPath()
            + "?wsdlURL=classpath:standin-wsdl/schuldhulpregistratie-v1.wsdl"
            + "&serviceName={" + NS + "}SchuldhulpRegistratieService"
            + "&portName={" + NS + "}SchuldhulpRegistratiePort"
            + "&dataFormat=PAYLOAD&bus=#cxf")
        .routeId(ROUTE_ID)
        .process(this::answer);
  }

  private void answer(Exchange exchange) throws Exception {
    @SuppressWarnings("unchecked")
    CxfPayload<SoapHeader> request = exchange.getIn().getBody(CxfPayload.class);
    Element verzoek = request.getBody().get(0);
    String bsn = childText(verzoek, "bsn");
    String oin = childText(verzoek, "gemeenteOin");
    String referentie = childText(verzoek, "referentie");

    if (unavailable.get()) {
      throw fault("NIET_BESCHIKBAAR", "Registratie tijdelijk niet beschikbaar", false);
    }
    if (bsn == null || !Bsn.isValid(bsn) || oin == null) {
      throw fault("ONGELDIG_VERZOEK", "BSN of gemeente-OIN ontbreekt of is ongeldig", true);
    }
    Integer known = database.jdbc().queryForObject(
        "SELECT COUNT(*) FROM SHV_GEMEENTE WHERE OIN = ?", Integer.class, oin);
    if (known == null || known == 0) {
      throw fault("ONBEKENDE_GEMEENTE", "Deze service voert de registratie van die gemeente niet", true);
    }
    List<Map<String, Object>> rows = database.jdbc().queryForList(
        "SELECT * FROM SHV_BESCHIKKING WHERE BSN = ? AND GEMEENTE_OIN = ?"
            + " ORDER BY COALESCE(BESCHIKKINGSDATUM, DATE '9999-12-31') DESC",
        bsn, oin);

    Document doc = newDocument();
    Element antwoord = doc.createElementNS(NS, "RaadpleegBeschikkingAntwoord");
    doc.appendChild(antwoord);
    if (rows.isEmpty()) {
      add(antwoord, "beschikkingStatus", "NEE");
      add(antwoord, "referentie", referentie);
      add(antwoord, "toelichting", "Geen registratie voor deze burger");
    } else {
      Map<String, Object> row = rows.get(0);
      String status = (String) row.get("STATUS");
      LocalDate end = localDate(row.get("EINDDATUM"));
      String answer = switch (status) {
        case "TOEGEKEND" -> end != null && !end.isAfter(LocalDate.now()) ? "NEE" : "JA";
        case "AANVRAAG", "BEZWAAR" -> "ONDUIDELIJK";
        default -> "NEE";
      };
      add(antwoord, "beschikkingStatus", answer);
      add(antwoord, "referentie", referentie);
      add(antwoord, "toelichting", (String) row.get("TOELICHTING"));
      add(antwoord, "zaakId", (String) row.get("ZAAK_ID"));
      if ("JA".equals(answer)) {
        add(antwoord, "beschikkingsdatum", String.valueOf(localDate(row.get("BESCHIKKINGSDATUM"))));
        add(antwoord, "startdatumHulp", String.valueOf(localDate(row.get("STARTDATUM"))));
        add(antwoord, "trajectsoort", (String) row.get("TRAJECTSOORT"));
        add(antwoord, "schuldbedragCenten", String.valueOf(row.get("SCHULDBEDRAG_CENTEN")));
        add(antwoord, "aantalSchuldeisers", String.valueOf(row.get("AANTAL_SCHULDEISERS")));
        add(antwoord, "schuldhulpverlenerId", (String) row.get("SCHULDHULPVERLENER_ID"));
      }
    }
    // answer with our payload only, not an echo of the caller's HTTP headers
    exchange.getMessage().removeHeaders("*", "Camel*", "operation*");
    exchange.getMessage().setBody(new CxfPayload<SoapHeader>(null, List.of(antwoord)));
  }

  private static SoapFault fault(String code, String text, boolean senderFault) throws ParserConfigurationException {
    QName faultCode = senderFault
        ? new QName("http://schemas.xmlsoap.org/soap/envelope/", "Client")
        : new QName("http://schemas.xmlsoap.org/soap/envelope/", "Server");
    SoapFault fault = new SoapFault(text, faultCode);
    Element detail = fault.getOrCreateDetail();
    Document doc = detail.getOwnerDocument();
    Element fout = doc.createElementNS(NS, "RaadpleegFout");
    add(fout, "foutcode", code);
    add(fout, "omschrijving", text);
    detail.appendChild(fout);
    return fault;
  }

  private static void add(Element parent, String name, String value) {
    if (value == null || "null".equals(value)) {
      return;
    }
    Element child = parent.getOwnerDocument().createElementNS(NS, name);
    child.setTextContent(value);
    parent.appendChild(child);
  }

  private static String childText(Element parent, String localName) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && localName.equals(e.getLocalName())) {
        return e.getTextContent().trim();
      }
    }
    return null;
  }

  private static LocalDate localDate(Object value) {
    return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
  }

  private static Document newDocument() throws ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    return factory.newDocumentBuilder().newDocument();
  }
}
