package nl.noodrem.ledger;

/**
 * Anything the ledger could not do. Unchecked: callers are process delegates and Camel routes whose
 * error handling (incidents, redelivery) works on any exception; the subtypes say what went wrong.
 *
 * <ul>
 *   <li>{@link ContractRevertedException}: a contract refused, with the custom error and its arguments;
 *       retrying will not help.
 *   <li>{@link TransactionFailedException}: a transaction could not be brought on chain after all tries.
 *   <li>{@link LedgerUnavailableException}: the node could not be reached or answered nonsense.
 * </ul>
 */
public class LedgerException extends RuntimeException {

  public LedgerException(String message) {
    super(message);
  }

  public LedgerException(String message, Throwable cause) {
    super(message, cause);
  }
}
