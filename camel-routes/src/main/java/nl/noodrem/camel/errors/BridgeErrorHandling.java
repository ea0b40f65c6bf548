package nl.noodrem.camel.errors;

import java.io.IOException;
import nl.noodrem.camel.api.DeliveryException;
import nl.noodrem.camel.config.ErrorHandlingProperties;
import nl.noodrem.domain.InvalidValueException;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.RouteConfigurationDefinition;

/**
 * The bridges' shared error handling, in three route configurations that every route names by id.
 *
 * <ul>
 *   <li>{@value #DELIVERY}: a route that hands one record to the processes. Retryable failures are
 *       redelivered with exponential back-off; then, and at once for broken records
 *       ({@link InvalidRecordException}, {@link InvalidValueException}, unreadable JSON) and
 *       non-retryable {@link DeliveryException}s, the record goes to the dead-letter store for a person.
 *       When even storing the dead letter fails, the failure goes back to the source (the file stays,
 *       the JMS message rolls back, the row stays unmarked) so that nothing is lost.
 *   <li>{@value #SOURCE}: a route that takes records from a legacy system (file, SFTP, table, queue).
 *       No redelivery of its own: a failure reaching it means a record could not even be
 *       dead-lettered, and the source's own mechanism (file left in place, JMS rollback and the
 *       broker's DLQ, row left unmarked) keeps it.
 *   <li>{@value #REQUEST_REPLY}: a synchronous call on behalf of a process (SOAP query, open-cases query,
 *       sending a command). A quick retry on I/O errors, then the caller gets the exception; its
 *       Camunda job retries with back-off and raises an incident after the last try.
 * </ul>
 */
public class BridgeErrorHandling extends RouteConfigurationBuilder {

  public static final String DELIVERY = "noodrem-delivery";
  public static final String SOURCE = "noodrem-source";
  public static final String REQUEST_REPLY = "noodrem-request-reply";
  public static final String DEAD_LETTER = "noodrem-dead-letter";

  private final ErrorHandlingProperties properties;

  public BridgeErrorHandling(ErrorHandlingProperties properties) {
    this.properties = properties;
  }

  @Override
  public void configuration() {
    RouteConfigurationDefinition delivery = routeConfiguration(DELIVERY);
    delivery
        .errorHandler(deadLetterChannel(DeadLetters.ENDPOINT)
            // when storing the dead letter fails, fail the exchange so that the source keeps the record
            .deadLetterHandleNewException(false)
            .maximumRedeliveries(properties.maximumRedeliveries())
            .redeliveryDelay(properties.redeliveryDelayMs())
            .useExponentialBackOff()
            .backOffMultiplier(properties.backOffMultiplier())
            .maximumRedeliveryDelay(properties.maximumRedeliveryDelayMs())
            .retryAttemptedLogLevel(LoggingLevel.WARN)
            .logExhaustedMessageBody(false)
            .logExhaustedMessageHistory(false)
            // the error handler removes its counter before the dead letter is stored: keep our own
            .onRedelivery(exchange -> exchange.setProperty(DeadLetters.REDELIVERIES,
                exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class))));
    delivery
        .onException(InvalidRecordException.class, InvalidValueException.class,
            com.fasterxml.jackson.core.JacksonException.class)
        .maximumRedeliveries(0);
    delivery
        .onException(DeliveryException.class)
        .onWhen(BridgeErrorHandling::nonRetryableDelivery)
        .maximumRedeliveries(0);

    routeConfiguration(SOURCE)
        .errorHandler(defaultErrorHandler()
            .maximumRedeliveries(0)
            .logExhaustedMessageBody(false)
            .logExhaustedMessageHistory(false));

    RouteConfigurationDefinition requestReply = routeConfiguration(REQUEST_REPLY);
    requestReply
        .errorHandler(defaultErrorHandler()
            .maximumRedeliveries(0)
            .logExhausted(false));
    requestReply
        .onException(IOException.class)
        .maximumRedeliveries(properties.requestRetries())
        .redeliveryDelay(properties.requestRetryDelayMs())
        .retryAttemptedLogLevel(LoggingLevel.WARN)
        .logExhausted(false);

    // the dead-letter store itself: a failure here must reach the bridge's source untouched
    routeConfiguration(DEAD_LETTER)
        .errorHandler(noErrorHandler());
  }

  static boolean nonRetryableDelivery(Exchange exchange) {
    for (Throwable t = exchange.getException(); t != null; t = t.getCause()) {
      if (t instanceof DeliveryException d) {
        return !d.retryable();
      }
    }
    Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    for (Throwable t = caught; t != null; t = t.getCause()) {
      if (t instanceof DeliveryException d) {
        return !d.retryable();
      }
    }
    return false;
  }
}
