package nl.noodrem.camel.soap;

import org.apache.camel.component.cxf.jaxws.CxfConfigurer;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.frontend.AbstractWSDLBasedEndpointFactory;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;

/** Connect and receive time-outs of the SOAP client, so that a hanging register cannot hold a process step. */
public class SoapTimeoutConfigurer implements CxfConfigurer {

  private final long connectTimeoutMs;
  private final long receiveTimeoutMs;

  public SoapTimeoutConfigurer(long connectTimeoutMs, long receiveTimeoutMs) {
    this.connectTimeoutMs = connectTimeoutMs;
    this.receiveTimeoutMs = receiveTimeoutMs;
  }

  @Override
  public void configure(AbstractWSDLBasedEndpointFactory factoryBean) {
    // nothing at factory level
  }

  @Override
  public void configureClient(Client client) {
    if (client.getConduit() instanceof HTTPConduit conduit) {
      HTTPClientPolicy policy = new HTTPClientPolicy();
      policy.setConnectionTimeout(connectTimeoutMs);
      policy.setReceiveTimeout(receiveTimeoutMs);
      // chunking stays allowed: CXF 4.1's HttpClient conduit sent an empty body with it switched off
      conduit.setClient(policy);
    }
  }

  @Override
  public void configureServer(Server server) {
    // client only
  }
}
