package nl.noodrem.ledger;

import java.util.Objects;

/**
 * A contract refused the call with a custom error. Deterministic: sending the same call again in the
 * same state is refused again, so the client never retries it.
 */
public class ContractRevertedException extends LedgerException {

  private final ContractError error;

  public ContractRevertedException(String operation, ContractError error) {
    super(operation + " refused by the contract: " + error);
    this.error = Objects.requireNonNull(error, "error");
  }

  public ContractError error() {
    return error;
  }

  /** The error's name, e.g. {@code IssuerSuspended}. */
  public String errorName() {
    return error.name();
  }
}
