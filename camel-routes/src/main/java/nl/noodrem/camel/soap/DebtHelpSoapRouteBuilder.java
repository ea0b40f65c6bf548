package nl.noodrem.camel.soap;

import nl.noodrem.camel.errors.BridgeErrorHandling;
import org.apache.camel.builder.RouteBuilder;

/**
 * Flow "municipal SOAP query": route {@value #ROUTE_ID} calls a municipality's debt-help register
 * ({@code wsdl/schuldhulpregistratie-v1.wsdl}, operation {@code RaadpleegBeschikking}) through CXF in
 * payload mode. The endpoint address is {@code noodrem.legacy.debt-help-soap.address}, overridden per
 * municipality by {@link SoapDebtHelpRegistry}. Synchronous: the calling process step retries.
 */
public class DebtHelpSoapRouteBuilder extends RouteBuilder {

  public static final String ROUTE_ID = "debt-help-soap-query";
  public static final String ENDPOINT = "direct:debt-help-soap-query";
  /** Registry name of the {@link SoapTimeoutConfigurer}. */
  public static final String CONFIGURER = "noodremDebtHelpSoapConfigurer";

  private final SoapTimeoutConfigurer configurer;

  public DebtHelpSoapRouteBuilder(SoapTimeoutConfigurer configurer) {
    this.configurer = configurer;
  }

  @Override
  public void configure() {
    bindToRegistry(CONFIGURER, configurer);
    from(ENDPOINT)
        .routeId(ROUTE_ID)
        .routeConfigurationId(BridgeErrorHandling.REQUEST_REPLY)
        .to("cxf://{{noodrem.legacy.debt-help-soap.address}}"
            + "?wsdlURL=classpath:wsdl/schuldhulpregistratie-v1.wsdl"
            + "&serviceName={" + WgsSoapMessages.NS + "}SchuldhulpRegistratieService"
            + "&portName={" + WgsSoapMessages.NS + "}SchuldhulpRegistratiePort"
            + "&defaultOperationName=RaadpleegBeschikking"
            + "&defaultOperationNamespace=" + WgsSoapMessages.NS
            + "&dataFormat=PAYLOAD"
            + "&cxfConfigurer=#" + CONFIGURER);
  }
}
