package nl.noodrem.camel.errors;

import java.util.Map;
import nl.noodrem.camel.api.Bridge;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * What a bridge tells the dead-letter channel about the record in hand, so that a person can see
 * where it came from and replay it. Set at the start of each bridge's delivery route, while the body is
 * still the record as received.
 */
public final class DeadLetters {

  /** The dead-letter channel's endpoint (route {@code dead-letter-store}). */
  public static final String ENDPOINT = "direct:noodrem-dead-letter";

  /** Header on a replayed exchange: the id of the dead letter being replayed. */
  public static final String REPLAY_OF = "NoodremReplayOf";

  static final String BRIDGE = "noodrem.deadLetter.bridge";
  static final String PAYLOAD = "noodrem.deadLetter.payload";
  static final String SOURCE_REF = "noodrem.deadLetter.sourceRef";
  static final String LINE_NUMBER = "noodrem.deadLetter.lineNumber";
  static final String REPLAY_ENDPOINT = "noodrem.deadLetter.replayEndpoint";
  static final String REPLAY_HEADERS = "noodrem.deadLetter.replayHeaders";
  /** Redeliveries so far, kept by the error handler's onRedelivery. */
  static final String REDELIVERIES = "noodrem.deadLetter.redeliveries";
  /** Set by the dead-letter store on the exchange it stored, so a replay can tell it failed again. */
  static final String STORED_AS = "noodrem.deadLetter.storedAs";

  private DeadLetters() {}

  /**
   * Remembers the current body (as text) as the payload to keep, with where it came from.
   *
   * @param replayEndpoint where {@link nl.noodrem.camel.api.DeadLetterService#replay} sends it again
   * @param sourceRef e.g. {@code "file.csv line 7"}; no personal data
   * @param replayHeaders headers the replay endpoint needs besides the payload
   */
  public static void remember(Exchange exchange, Bridge bridge, String replayEndpoint, String sourceRef,
      Integer lineNumber, Map<String, String> replayHeaders) {
    exchange.setProperty(BRIDGE, bridge);
    String payload;
    try {
      payload = exchange.getIn().getBody(String.class);
    } catch (RuntimeException e) {
      // a body that cannot even be read as text (e.g. a JMS object message): the dead letter keeps the reason
      payload = null;
    }
    exchange.setProperty(PAYLOAD, payload);
    exchange.setProperty(SOURCE_REF, sourceRef);
    exchange.setProperty(LINE_NUMBER, lineNumber);
    exchange.setProperty(REPLAY_ENDPOINT, replayEndpoint);
    exchange.setProperty(REPLAY_HEADERS, Map.copyOf(replayHeaders));
  }

  /** A processor calling {@link #remember} with a source reference made from the exchange. */
  public static Processor remember(Bridge bridge, String replayEndpoint,
      java.util.function.Function<Exchange, String> sourceRef) {
    return exchange -> remember(exchange, bridge, replayEndpoint, sourceRef.apply(exchange), null, Map.of());
  }

  /** True when this exchange is a person's replay of a dead letter (duplicate checks are skipped). */
  public static boolean isReplay(Exchange exchange) {
    return exchange.getIn().getHeader(REPLAY_OF) != null;
  }
}
