package nl.noodrem.camel.chain;

import nl.noodrem.camel.api.ChainStatusInbox;
import nl.noodrem.ledger.StatusRevokedEvent;
import nl.noodrem.ledger.events.StatusEventConsumer;

/**
 * Feeds the ledger's resumable {@code StatusEventSubscription} into the chain-status bridge. The app
 * wires it: {@code new StatusEventSubscription(ledger, checkpointStore, new LedgerStatusEventConsumer(inbox), options)}.
 *
 * <p>{@link ChainStatusInbox#receive} returns only once the change was delivered or kept as a dead
 * letter, and throws otherwise; the subscription moves its checkpoint only after a normal return and
 * offers the same event again after a throw. So no revocation is skipped, and one delivered twice
 * (a crash between delivery and checkpoint) acts once: the canonical event's {@code sourceId} is the
 * ledger's {@code eventId()} ({@code <transaction hash>:<log index>}) and its {@code occurredAt} the
 * block time.
 */
public class LedgerStatusEventConsumer implements StatusEventConsumer {

  private final ChainStatusInbox inbox;

  public LedgerStatusEventConsumer(ChainStatusInbox inbox) {
    this.inbox = inbox;
  }

  @Override
  public void accept(StatusRevokedEvent event) throws Exception {
    inbox.receive(event.toCredentialStatusChanged());
  }
}
