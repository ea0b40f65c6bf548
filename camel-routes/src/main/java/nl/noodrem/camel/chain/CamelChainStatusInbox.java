package nl.noodrem.camel.chain;

import com.fasterxml.jackson.core.JsonProcessingException;
import nl.noodrem.camel.api.ChainStatusInbox;
import nl.noodrem.camel.api.DeliveryException;
import nl.noodrem.camel.errors.BridgeJson;
import nl.noodrem.domain.event.CredentialStatusChanged;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/** {@link ChainStatusInbox} over route {@code chain-status-changed}. */
public class CamelChainStatusInbox implements ChainStatusInbox {

  private final ProducerTemplate producer;

  public CamelChainStatusInbox(ProducerTemplate producer) {
    this.producer = producer;
  }

  @Override
  public void receive(CredentialStatusChanged event) throws DeliveryException {
    String json;
    try {
      json = BridgeJson.MAPPER.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new DeliveryException("status change not serialisable", false, e);
    }
    Exchange result = producer.send(ChainStatusRouteBuilder.ENDPOINT, exchange -> exchange.getIn().setBody(json));
    if (result.getException() != null) {
      // neither delivered nor dead-lettered: the caller keeps its checkpoint and offers the event again
      throw new DeliveryException("status change " + event.sourceId() + " neither delivered nor stored", true,
          result.getException());
    }
  }
}
