package nl.noodrem.camel.collection;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import nl.noodrem.camel.api.CollectionSystem;
import nl.noodrem.camel.api.CollectionSystemException;
import nl.noodrem.camel.api.HoldCommand;
import nl.noodrem.camel.api.LiftCommand;
import nl.noodrem.camel.api.OpenCase;
import nl.noodrem.camel.api.PaymentPlanCommand;
import nl.noodrem.domain.Bsn;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.springframework.dao.DataAccessException;
import org.springframework.jms.JmsException;

/**
 * {@link CollectionSystem} over the route {@code collection-open-cases} and the {@link CollectionCommandOutbox}, which
 * sends commands through {@code collection-send-command} after the caller's transaction committed.
 */
public class CamelCollectionSystem implements CollectionSystem {

  private final ProducerTemplate producer;
  private final CollectionCommandOutbox outbox;

  public CamelCollectionSystem(ProducerTemplate producer, CollectionCommandOutbox outbox) {
    this.producer = producer;
    this.outbox = outbox;
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<OpenCase> openCases(Bsn bsn) throws CollectionSystemException {
    try {
      return producer.requestBody(OpenCasesRouteBuilder.ENDPOINT, Map.of("bsn", bsn.digits()), List.class);
    } catch (CamelExecutionException e) {
      throw translate("open cases could not be read", e);
    }
  }

  @Override
  public void sendHold(HoldCommand command) throws CollectionSystemException {
    send(command, command.commandId());
  }

  @Override
  public void sendLift(LiftCommand command) throws CollectionSystemException {
    send(command, command.commandId());
  }

  @Override
  public void sendPaymentPlan(PaymentPlanCommand command) throws CollectionSystemException {
    send(command, command.commandId());
  }

  private void send(Object command, String commandId) throws CollectionSystemException {
    try {
      outbox.add(CollectionCommandRouteBuilder.toWire(command));
    } catch (DataAccessException e) {
      throw new CollectionSystemException("command " + commandId + " could not be written to the outbox: "
          + e.getClass().getSimpleName(), true, e);
    }
  }

  private static CollectionSystemException translate(String what, CamelExecutionException e) {
    Throwable cause = e.getCause() == null ? e : e.getCause();
    boolean retryable = false;
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof JmsException || t instanceof jakarta.jms.JMSException || t instanceof DataAccessException
          || t instanceof SQLException || t instanceof java.io.IOException) {
        retryable = true;
        break;
      }
    }
    return new CollectionSystemException(what + ": " + cause.getClass().getSimpleName(), retryable, cause);
  }
}
