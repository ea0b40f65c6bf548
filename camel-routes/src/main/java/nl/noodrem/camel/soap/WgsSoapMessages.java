package nl.noodrem.camel.soap;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import nl.noodrem.camel.api.DebtHelpRegistryException;
import nl.noodrem.camel.api.WgsAnswer;
import nl.noodrem.domain.AssistanceType;
import nl.noodrem.domain.Bsn;
import nl.noodrem.domain.InvalidValueException;
import nl.noodrem.domain.Oin;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Builds the {@code RaadpleegBeschikkingVerzoek} and reads the {@code RaadpleegBeschikkingAntwoord} and
 * {@code RaadpleegFout} of {@code wsdl/schuldhulpregistratie-v1.wsdl} (payload mode: the elements inside
 * the SOAP body).
 */
final class WgsSoapMessages {

  static final String NS = "urn:nl:gemeente:schuldhulpregistratie:raadplegen:v1";

  private WgsSoapMessages() {}

  static Element request(Bsn bsn, Oin municipality, String reference) {
    Document doc = newDocument();
    Element verzoek = doc.createElementNS(NS, "RaadpleegBeschikkingVerzoek");
    doc.appendChild(verzoek);
    add(verzoek, "bsn", bsn.digits());
    add(verzoek, "gemeenteOin", municipality.value());
    add(verzoek, "referentie", reference);
    return verzoek;
  }

  static WgsAnswer answer(List<Element> body) throws DebtHelpRegistryException {
    if (body == null || body.isEmpty() || !"RaadpleegBeschikkingAntwoord".equals(body.get(0).getLocalName())
        || !NS.equals(body.get(0).getNamespaceURI())) {
      throw new DebtHelpRegistryException("the register's answer is not a RaadpleegBeschikkingAntwoord", null);
    }
    Element a = body.get(0);
    String status = text(a, "beschikkingStatus");
    try {
      return switch (status == null ? "" : status) {
        case "JA" -> new WgsAnswer.Decided(
            AssistanceType.fromCode(required(a, "trajectsoort")),
            LocalDate.parse(required(a, "beschikkingsdatum")),
            LocalDate.parse(required(a, "startdatumHulp")),
            required(a, "zaakId"),
            Long.parseLong(required(a, "schuldbedragCenten")),
            Integer.parseInt(required(a, "aantalSchuldeisers")),
            required(a, "schuldhulpverlenerId"));
        case "NEE" -> new WgsAnswer.None(orDefault(text(a, "toelichting"), "geen beschikking"));
        case "ONDUIDELIJK" -> new WgsAnswer.Unclear(orDefault(text(a, "toelichting"), "onduidelijk"), text(a, "zaakId"));
        default -> throw new DebtHelpRegistryException("the register's answer has no valid beschikkingStatus", null);
      };
    } catch (InvalidValueException | DateTimeParseException | NumberFormatException e) {
      throw new DebtHelpRegistryException("the register's answer is malformed: " + e.getMessage(), e);
    }
  }

  /** The {@code foutcode} of a {@code RaadpleegFout} fault detail, or null. */
  static String faultCode(Element detail) {
    if (detail == null) {
      return null;
    }
    for (Node n = detail.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && "RaadpleegFout".equals(e.getLocalName())) {
        return text(e, "foutcode");
      }
    }
    return null;
  }

  private static String required(Element parent, String name) throws DebtHelpRegistryException {
    String value = text(parent, name);
    if (value == null || value.isBlank()) {
      throw new DebtHelpRegistryException("the register answered JA without " + name, null);
    }
    return value;
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  private static String text(Element parent, String localName) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && localName.equals(e.getLocalName())) {
        return e.getTextContent().trim();
      }
    }
    return null;
  }

  private static void add(Element parent, String name, String value) {
    if (value == null) {
      return;
    }
    Element child = parent.getOwnerDocument().createElementNS(NS, name);
    child.setTextContent(value);
    parent.appendChild(child);
  }

  private static Document newDocument() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      return factory.newDocumentBuilder().newDocument();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("no XML support", e);
    }
  }
}
