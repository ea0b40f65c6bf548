package nl.noodrem.camel.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import nl.noodrem.camel.api.CaseOpened;
import nl.noodrem.camel.api.DeliveryException;
import nl.noodrem.camel.api.HoldAcknowledgement;
import nl.noodrem.camel.api.ProcessGateway;
import nl.noodrem.domain.event.DomainEvent;

/**
 * Test double of the processes: records what the routes deliver, and can be told to fail for a given
 * source id a number of times (or always), retryable or not.
 */
public class RecordingProcessGateway implements ProcessGateway {

  private final List<DomainEvent> events = new CopyOnWriteArrayList<>();
  private final List<HoldAcknowledgement> acknowledgements = new CopyOnWriteArrayList<>();
  private final List<CaseOpened> casesOpened = new CopyOnWriteArrayList<>();
  private final Map<String, Failure> failures = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

  private record Failure(AtomicInteger remaining, boolean retryable) {}

  /** The next {@code times} deliveries with this id fail ({@code Integer.MAX_VALUE}: always). */
  public void failFor(String id, int times, boolean retryable) {
    failures.put(id, new Failure(new AtomicInteger(times), retryable));
  }

  public void reset() {
    events.clear();
    acknowledgements.clear();
    casesOpened.clear();
    failures.clear();
    attempts.clear();
  }

  public List<DomainEvent> events() {
    return new ArrayList<>(events);
  }

  public List<DomainEvent> eventsWithSourcePrefix(String prefix) {
    return events.stream().filter(e -> e.sourceId().startsWith(prefix)).toList();
  }

  public List<HoldAcknowledgement> acknowledgements() {
    return new ArrayList<>(acknowledgements);
  }

  public List<CaseOpened> casesOpened() {
    return new ArrayList<>(casesOpened);
  }

  public int attempts(String id) {
    AtomicInteger n = attempts.get(id);
    return n == null ? 0 : n.get();
  }

  @Override
  public Delivery deliver(DomainEvent event) throws DeliveryException {
    maybeFail(event.sourceId());
    events.add(event);
    return Delivery.CORRELATED;
  }

  @Override
  public Delivery holdAcknowledged(HoldAcknowledgement acknowledgement) throws DeliveryException {
    maybeFail(acknowledgement.commandId());
    acknowledgements.add(acknowledgement);
    return Delivery.CORRELATED;
  }

  @Override
  public Delivery caseOpened(CaseOpened caseOpened) throws DeliveryException {
    maybeFail(caseOpened.sourceId());
    casesOpened.add(caseOpened);
    return Delivery.CORRELATED;
  }

  private void maybeFail(String id) throws DeliveryException {
    attempts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
    Failure failure = failures.get(id);
    if (failure != null && failure.remaining().getAndDecrement() > 0) {
      throw new DeliveryException("test failure for " + id, failure.retryable(), null);
    }
  }
}
