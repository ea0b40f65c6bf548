package nl.noodrem.ledger.tx;

import java.io.IOException;
import java.util.Optional;
import nl.noodrem.ledger.ContractError;
import nl.noodrem.ledger.ContractRevertedException;
import nl.noodrem.ledger.LedgerUnavailableException;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;

/**
 * Read-only contract calls ({@code eth_call}) with custom-error decoding and retries on I/O failure.
 * Thread-safe; needs no account.
 */
public final class RpcCalls {

  /** The interface that callers of {@link #retrying} implement: one JSON-RPC round trip. */
  @FunctionalInterface
  public interface RpcAction<T> {
    T run() throws IOException;
  }

  private final Web3j web3j;
  private final RevertDecoder decoder;
  private final RetryPolicy retry;

  public RpcCalls(Web3j web3j, RevertDecoder decoder, RetryPolicy retry) {
    this.web3j = web3j;
    this.decoder = decoder;
    this.retry = retry;
  }

  public Web3j web3j() {
    return web3j;
  }

  public RevertDecoder decoder() {
    return decoder;
  }

  public RetryPolicy retryPolicy() {
    return retry;
  }

  /** {@code eth_call} at the latest block; returns the raw hex result. */
  public String call(String operation, String to, String data) {
    return call(operation, null, to, data, DefaultBlockParameterName.LATEST);
  }

  /** {@code eth_call} from {@code from} (may be null) at {@code block}; returns the raw hex result. */
  public String call(String operation, String from, String to, String data, DefaultBlockParameter block) {
    EthCall response = retrying(operation,
        () -> web3j.ethCall(Transaction.createEthCallTransaction(from, to, data), block).send());
    if (response.hasError()) {
      throw failure(operation, response.getError());
    }
    String value = response.getValue();
    if (value == null || "0x".equals(value)) {
      throw new LedgerUnavailableException(operation + ": empty answer from " + to
          + " (is the address book pointing at the right contracts?)");
    }
    return value;
  }

  /** Runs one RPC round trip, retrying I/O failures per the retry policy. */
  public <T> T retrying(String operation, RpcAction<T> action) {
    IOException last = null;
    for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
      try {
        return action.run();
      } catch (IOException e) {
        last = e;
        if (attempt < retry.maxAttempts()) {
          retry.pause(attempt);
        }
      }
    }
    throw new LedgerUnavailableException(operation + ": chain node unreachable after " + retry.maxAttempts()
        + " tries: " + last.getMessage(), last);
  }

  /** Turns a JSON-RPC error into the decoded custom error, or a plain failure when it carries none. */
  public RuntimeException failure(String operation, Response.Error error) {
    Optional<ContractError> decoded = decodedError(error);
    if (decoded.isPresent()) {
      return new ContractRevertedException(operation, decoded.get());
    }
    return new LedgerUnavailableException(operation + ": node answered error " + error.getCode() + ": "
        + error.getMessage());
  }

  public Optional<ContractError> decodedError(Response.Error error) {
    return RevertDecoder.revertDataOf(error.getData(), error.getMessage()).flatMap(decoder::decode);
  }
}
