package nl.noodrem.ledger.tx;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import nl.noodrem.ledger.ContractRevertedException;
import nl.noodrem.ledger.LedgerException;
import nl.noodrem.ledger.TransactionFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Sends transactions from one account, safely from many threads at once.
 *
 * <p><b>Nonces</b> are assigned here, not by the node: a counter initialised from
 * {@code eth_getTransactionCount(pending)}, advanced under a lock that also covers signing and
 * {@code eth_sendRawTransaction}, so transactions reach the node in nonce order and a rejected one
 * gives its nonce back before anyone else can take the next. "Nonce too low/high" and "replacement
 * underpriced" answers resynchronise the counter from the node. Keep exactly one transactor per account
 * per process (a second one in the same process would race this one's counter). Other processes may send
 * from the same account — several app nodes do (ADR 0006) — at the cost of a resynchronisation and a retry
 * whenever they took the nonce this one expected.
 *
 * <p><b>Refusals</b> are found before a nonce is spent: every transaction is first estimated
 * ({@code eth_estimateGas}), and a revert there throws {@link ContractRevertedException} with the
 * decoded custom error. A transaction that is mined but fails anyway (state changed in between) is
 * replayed with {@code eth_call} to name the error.
 *
 * <p><b>Retries</b>: I/O failures and missing receipts re-submit the <em>same</em> signed transaction
 * (same nonce, same hash), so a transaction is never executed twice by a retry. After
 * {@link RetryPolicy#maxAttempts()} the caller gets a {@link TransactionFailedException} saying why.
 */
public final class AccountTransactor {

  private static final Logger LOG = LoggerFactory.getLogger(AccountTransactor.class);

  /** Headroom over the estimate: concurrent transactions may change the state the estimate saw. */
  private static final BigInteger GAS_FIXED_MARGIN = BigInteger.valueOf(20_000);

  private record Signed(String hash, String rawHex, BigInteger nonce) {}

  private final RpcCalls rpc;
  private final Credentials credentials;
  private final long chainId;
  private final BigInteger gasPrice;
  private final Object nonceLock = new Object();
  private BigInteger nextNonce; // guarded by nonceLock; null = ask the node
  private final AtomicLong nonceResyncs = new AtomicLong();

  public AccountTransactor(RpcCalls rpc, Credentials credentials, long chainId, BigInteger gasPrice) {
    this.rpc = rpc;
    this.credentials = credentials;
    this.chainId = chainId;
    this.gasPrice = gasPrice;
  }

  /** The account's 0x address, lower case. */
  public String address() {
    return credentials.getAddress();
  }

  /** How often the nonce counter had to be resynchronised from the node (diagnostics). */
  public long nonceResyncs() {
    return nonceResyncs.get();
  }

  /**
   * Executes a contract call ({@code to} non-null) or a deployment ({@code to} null) and returns the
   * successful receipt.
   *
   * @throws ContractRevertedException the contract refused
   * @throws TransactionFailedException the transaction could not be brought on chain
   */
  public TransactionReceipt execute(String operation, String to, String data) {
    BigInteger gasLimit = estimateGas(operation, to, data);
    RetryPolicy retry = rpc.retryPolicy();
    Signed tx = null;
    Exception last = null;
    for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
      try {
        if (tx != null && !resubmit(tx)) {
          tx = null; // its nonce went to another transaction: sign a new one
        }
        if (tx == null) {
          tx = submitNew(operation, to, data, gasLimit);
        }
        Optional<TransactionReceipt> receipt = awaitReceipt(tx.hash());
        if (receipt.isPresent()) {
          return checked(operation, to, data, receipt.get());
        }
        last = new IOException("no receipt for " + tx.hash() + " within " + retry.receiptTimeout());
      } catch (IOException | NodeRejectedException e) {
        if (e instanceof PendingIOException pending) {
          tx = pending.tx;
        }
        last = e;
        LOG.debug("{}: attempt {} failed: {}", operation, attempt, e.getMessage());
      }
      if (attempt < retry.maxAttempts()) {
        retry.pause(attempt);
      }
    }
    if (tx != null) {
      // The last signed transaction may never have reached the node; make the next one ask the node
      // for the nonce instead of leaving a gap that would hold every later transaction back.
      synchronized (nonceLock) {
        nextNonce = null;
      }
    }
    throw new TransactionFailedException(operation + " failed after " + retry.maxAttempts() + " attempts"
        + (tx != null ? " (last transaction " + tx.hash() + ")" : "") + ": " + last.getMessage(),
        retry.maxAttempts(), last);
  }

  private BigInteger estimateGas(String operation, String to, String data) {
    Transaction call = to == null
        ? Transaction.createContractTransaction(address(), null, gasPrice, data)
        : Transaction.createFunctionCallTransaction(address(), null, gasPrice, null, to, data);
    EthEstimateGas estimate = rpc.retrying(operation, () -> rpc.web3j().ethEstimateGas(call).send());
    if (estimate.hasError()) {
      RuntimeException failure = rpc.failure(operation, estimate.getError());
      if (!(failure instanceof ContractRevertedException)) {
        throw new TransactionFailedException(operation + ": the node would not run it: "
            + estimate.getError().getMessage(), 0, failure);
      }
      throw failure;
    }
    BigInteger gas = estimate.getAmountUsed();
    return gas.add(gas.shiftRight(2)).add(GAS_FIXED_MARGIN);
  }

  /** Assigns the next nonce, signs and sends, all under the lock so nonces reach the node in order. */
  private Signed submitNew(String operation, String to, String data, BigInteger gasLimit)
      throws IOException, NodeRejectedException {
    synchronized (nonceLock) {
      for (int resync = 0; ; resync++) {
        if (nextNonce == null) {
          nextNonce = pendingNonce();
        }
        Signed tx = sign(nextNonce, to, data, gasLimit);
        EthSendTransaction sent;
        try {
          sent = rpc.web3j().ethSendRawTransaction(tx.rawHex()).send();
        } catch (IOException e) {
          // The node may or may not have it. Keep the nonce spent and let the caller re-submit these
          // exact bytes: a duplicate is answered "already known", never executed twice.
          nextNonce = nextNonce.add(BigInteger.ONE);
          throw new PendingIOException(tx, e);
        }
        if (!sent.hasError() || isAlreadyKnown(sent.getError().getMessage())) {
          nextNonce = nextNonce.add(BigInteger.ONE);
          return tx;
        }
        String message = sent.getError().getMessage();
        if (isNonceConflict(message) && resync < 3) {
          nonceResyncs.incrementAndGet();
          LOG.debug("{}: nonce {} refused ({}), resynchronising", operation, tx.nonce(), message);
          nextNonce = null;
          continue;
        }
        // Refused for another reason: the nonce was not used, the next transaction takes it.
        throw new NodeRejectedException(operation + ": node refused transaction: " + message);
      }
    }
  }

  /** Re-sends the same signed bytes. False when the nonce was taken by a different transaction. */
  private boolean resubmit(Signed tx) throws IOException {
    EthSendTransaction sent = rpc.web3j().ethSendRawTransaction(tx.rawHex()).send();
    if (!sent.hasError() || isAlreadyKnown(sent.getError().getMessage())) {
      return true;
    }
    if (isNonceConflict(sent.getError().getMessage())) {
      // Either ours was mined meanwhile (then its receipt exists) or something else used the nonce.
      return rpc.web3j().ethGetTransactionReceipt(tx.hash()).send().getTransactionReceipt().isPresent();
    }
    return true; // let the receipt wait decide; the next attempt re-sends again
  }

  private Optional<TransactionReceipt> awaitReceipt(String hash) throws IOException {
    RetryPolicy retry = rpc.retryPolicy();
    long deadline = System.nanoTime() + retry.receiptTimeout().toNanos();
    // Anvil mines within a millisecond or two, Besu every block period: start polling fast and back off
    // to the configured interval, so neither waits long nor floods the node.
    long pauseMicros = 500;
    long maxPauseMicros = Math.max(500, retry.receiptPollInterval().toNanos() / 1000);
    while (true) {
      Optional<TransactionReceipt> receipt =
          rpc.web3j().ethGetTransactionReceipt(hash).send().getTransactionReceipt();
      if (receipt.isPresent() || System.nanoTime() > deadline) {
        return receipt;
      }
      RetryPolicy.sleep(java.time.Duration.ofNanos(pauseMicros * 1000));
      pauseMicros = Math.min(maxPauseMicros, pauseMicros * 2);
    }
  }

  private TransactionReceipt checked(String operation, String to, String data, TransactionReceipt receipt) {
    if (receipt.isStatusOK()) {
      return receipt;
    }
    // Mined but failed: state changed between estimate and execution. Replay it to learn the error.
    try {
      rpc.call(operation, address(), to, data, DefaultBlockParameter.valueOf(receipt.getBlockNumber()));
    } catch (ContractRevertedException e) {
      throw e;
    } catch (LedgerException e) {
      LOG.debug("{}: replay of failed {} gave no error: {}", operation, receipt.getTransactionHash(), e.getMessage());
    }
    throw new TransactionFailedException(operation + ": transaction " + receipt.getTransactionHash()
        + " failed on chain (status " + receipt.getStatus() + ", gas used " + receipt.getGasUsed() + ")", 1, null);
  }

  private BigInteger pendingNonce() throws IOException {
    return rpc.web3j().ethGetTransactionCount(address(), DefaultBlockParameterName.PENDING).send()
        .getTransactionCount();
  }

  private Signed sign(BigInteger nonce, String to, String data, BigInteger gasLimit) {
    RawTransaction raw = to == null
        ? RawTransaction.createContractTransaction(nonce, gasPrice, gasLimit, BigInteger.ZERO, data)
        : RawTransaction.createTransaction(nonce, gasPrice, gasLimit, to, BigInteger.ZERO, data);
    String hex = Numeric.toHexString(TransactionEncoder.signMessage(raw, chainId, credentials));
    return new Signed(Hash.sha3(hex), hex, nonce);
  }

  private static boolean isAlreadyKnown(String message) {
    String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
    return m.contains("already known") || m.contains("known transaction") || m.contains("already imported")
        || m.contains("transaction already exists");
  }

  // Geth/Anvil say "nonce too low", "nonce too high", "replacement transaction underpriced";
  // Besu says NONCE_TOO_LOW, NONCE_TOO_FAR_IN_FUTURE_FOR_SENDER, REPLACEMENT_UNDERPRICED.
  private static boolean isNonceConflict(String message) {
    String m = message == null ? "" : message.toLowerCase(Locale.ROOT).replace('_', ' ');
    return m.contains("nonce too low") || m.contains("nonce too high") || m.contains("nonce too far")
        || m.contains("replacement") || m.contains("invalid nonce");
  }

  /** The node answered, and refused for a reason other than the nonce. */
  private static final class NodeRejectedException extends Exception {
    NodeRejectedException(String message) {
      super(message);
    }
  }

  /** Sending failed on I/O after a nonce was spent: carries the transaction to re-send. */
  private static final class PendingIOException extends IOException {
    final transient Signed tx;

    PendingIOException(Signed tx, IOException cause) {
      super(cause.getMessage(), cause);
      this.tx = tx;
    }
  }

  @Override
  public String toString() {
    return "AccountTransactor[" + address() + "]";
  }
}
