package nl.noodrem.camel.chain;

import java.time.Clock;
import nl.noodrem.camel.api.ChainStatusInbox;
import nl.noodrem.domain.event.CredentialStatusChanged;
import nl.noodrem.ledger.StatusRevokedEvent;
import nl.noodrem.ledger.events.StatusEventConsumer;

/**
 * Feeds the ledger's resumable {@code StatusEventSubscription} into the chain-status bridge. The app
 * wires it: {@code new StatusEventSubscription(ledger, checkpointStore, new LedgerStatusEventConsumer(inbox, clock), options)}.
 *
 * <p>{@link ChainStatusInbox#receive} returns only once the change was delivered or kept as a dead
 * letter, and throws otherwise; the subscription moves its checkpoint only after a normal return and
 * offers the same event again after a throw. So no revocation is skipped, and one delivered twice
 * (a crash between delivery and checkpoint) acts once: {@code sourceId} is the ledger's
 * {@code eventId()}, {@code <transaction hash>:<log index>}.
 */
public class LedgerStatusEventConsumer implements StatusEventConsumer {

  private final ChainStatusInbox inbox;
  private final Clock clock;

  public LedgerStatusEventConsumer(ChainStatusInbox inbox, Clock clock) {
    this.inbox = inbox;
    this.clock = clock;
  }

  @Override
  public void accept(StatusRevokedEvent event) throws Exception {
    inbox.receive(toCanonical(event));
  }

  /**
   * The ledger event carries the block, not its time: {@code occurredAt} is when Noodrem read it, at
   * most the polling interval plus the confirmations after the block.
   */
  CredentialStatusChanged toCanonical(StatusRevokedEvent event) {
    return new CredentialStatusChanged(event.eventId(), clock.instant(), event.statusListId(),
        event.statusIndex(), true, event.blockNumber());
  }
}
