package nl.noodrem.camel.soap;

import org.apache.camel.component.cxf.jaxws.CxfConfigurer;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.frontend.AbstractWSDLBasedEndpointFactory;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;

/**
 * Connect and receive time-outs of the SOAP client, so that a hanging register cannot hold a process step;
 * and, when configured, mutual TLS (Noodrem's client certificate, see {@link SoapTls}).
 */
public class SoapTimeoutConfigurer implements CxfConfigurer {

  private final long connectTimeoutMs;
  private final long receiveTimeoutMs;
  private final org.apache.cxf.configuration.jsse.TLSClientParameters tls;

  public SoapTimeoutConfigurer(long connectTimeoutMs, long receiveTimeoutMs) {
    this(connectTimeoutMs, receiveTimeoutMs, null);
  }

  /** @param tls client certificate and trust, or {@code null} */
  public SoapTimeoutConfigurer(long connectTimeoutMs, long receiveTimeoutMs,
      org.apache.cxf.configuration.jsse.TLSClientParameters tls) {
    this.connectTimeoutMs = connectTimeoutMs;
    this.receiveTimeoutMs = receiveTimeoutMs;
    this.tls = tls;
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
      if (tls != null) {
        conduit.setTlsClientParameters(tls);
      }
    }
  }

  @Override
  public void configureServer(Server server) {
    // client only
  }
}
