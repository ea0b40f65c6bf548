package nl.noodrem.camel.soap;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.noodrem.camel.api.DebtHelpRegistry;
import nl.noodrem.camel.api.DebtHelpRegistryException;
import nl.noodrem.camel.api.WgsAnswer;
import nl.noodrem.domain.Bsn;
import nl.noodrem.domain.Oin;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.cxf.common.CxfPayload;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapHeader;
import org.w3c.dom.Element;

/**
 * {@link DebtHelpRegistry} over route {@code debt-help-soap-query}. A SOAP fault becomes a
 * {@link DebtHelpRegistryException} naming the register's fault code ({@code ONBEKENDE_GEMEENTE},
 * {@code ONGELDIG_VERZOEK}, {@code NIET_BESCHIKBAAR}); an unknown citizen is {@link WgsAnswer.None}.
 */
public class SoapDebtHelpRegistry implements DebtHelpRegistry {

  private final ProducerTemplate producer;
  private final Map<String, String> addressPerMunicipality;

  public SoapDebtHelpRegistry(ProducerTemplate producer, Map<String, String> addressPerMunicipality) {
    this.producer = producer;
    this.addressPerMunicipality = Map.copyOf(addressPerMunicipality);
  }

  @Override
  public WgsAnswer lookup(Oin municipality, Bsn bsn) throws DebtHelpRegistryException {
    String reference = "noodrem-" + UUID.randomUUID();
    Element request = WgsSoapMessages.request(bsn, municipality, reference);
    Exchange result = producer.send(DebtHelpSoapRouteBuilder.ENDPOINT, exchange -> {
      exchange.getIn().setBody(new CxfPayload<SoapHeader>(null, List.of(request)));
      String address = addressPerMunicipality.get(municipality.value());
      if (address != null) {
        exchange.getIn().setHeader(Exchange.DESTINATION_OVERRIDE_URL, address);
      }
    });
    Exception failure = result.getException();
    if (failure != null) {
      throw translate(municipality, failure);
    }
    CxfPayload<?> payload = result.getMessage().getBody(CxfPayload.class);
    if (payload == null) {
      throw new DebtHelpRegistryException("the register of " + municipality + " sent an empty answer", null);
    }
    return WgsSoapMessages.answer(payload.getBody());
  }

  private static DebtHelpRegistryException translate(Oin municipality, Exception failure) {
    // our refusal first: CXF wraps its own parse errors of the answer in a SoapFault with code Client,
    // which would read as if the register had sent a fault blaming us
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof javax.xml.stream.XMLStreamException || t instanceof org.xml.sax.SAXException) {
        String what = String.valueOf(t.getMessage());
        String firstLine = what.lines().findFirst().orElse(what);
        String why = what.contains("DTD")
            ? "it contains a DTD (document type declaration), which Noodrem never accepts (entity expansion, XXE)"
            : "it is not well-formed XML (" + firstLine + ")";
        return new DebtHelpRegistryException("Noodrem refused the answer of the register of " + municipality + ": "
            + why + "; the register's answer is at fault, not Noodrem's request", failure);
      }
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SoapFault fault) {
        String code = WgsSoapMessages.faultCode(fault.getDetail());
        return new DebtHelpRegistryException("the register of " + municipality + " answered with SOAP fault "
            + (code == null ? fault.getFaultCode().getLocalPart() : code) + ": " + fault.getMessage(), fault);
      }
    }
    return new DebtHelpRegistryException("the register of " + municipality + " could not be reached: "
        + failure.getClass().getSimpleName() + ": " + failure.getMessage(), failure);
  }
}
