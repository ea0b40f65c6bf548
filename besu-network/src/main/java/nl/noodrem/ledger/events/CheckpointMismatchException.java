package nl.noodrem.ledger.events;

import nl.noodrem.ledger.LedgerException;

/**
 * The stored checkpoint does not belong to the chain the subscription reads: another chain id or
 * contract, or the block it was anchored at has another hash (the chain was reset or reorganised).
 * Delivering on would skip or repeat events, so the subscription stops; an operator decides (e.g. a
 * fresh dev chain: delete the checkpoint).
 */
public class CheckpointMismatchException extends LedgerException {

  public CheckpointMismatchException(String message) {
    super(message);
  }
}
