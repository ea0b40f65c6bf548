package nl.noodrem.ledger.events;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import nl.noodrem.domain.Oin;
import nl.noodrem.ledger.Ledger;
import nl.noodrem.ledger.LedgerException;
import nl.noodrem.ledger.LedgerUnavailableException;
import nl.noodrem.ledger.StatusRevokedEvent;
import nl.noodrem.ledger.contracts.StatusListRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Delivers every {@code StatusRevoked} event of the StatusListRegistry to a consumer, in chain order,
 * exactly once, across restarts of this process and of the node.
 *
 * <p><b>How:</b> it polls {@code eth_getLogs} in block ranges from a persisted {@link Checkpoint}
 * (not a node-side filter, which a node restart would forget). Logs are sorted by (block, log index);
 * any log at a position the checkpoint already covers is skipped, which also drops duplicates within a
 * response. After the consumer returns for an event, the checkpoint moves just past that event and is
 * saved; after a range is done it moves to the range's end. So an event is delivered again only if the
 * process dies between the consumer's return and the save (see {@link CheckpointStore} for closing
 * that gap), and never skipped.
 *
 * <p><b>Failure:</b> a node that is down, a consumer that throws or a store that fails stops the
 * current poll where it is; the background loop tries again with growing pauses. A checkpoint from
 * another chain or contract, or anchored at a block whose hash changed (chain reset), raises
 * {@link CheckpointMismatchException} and stops delivery.
 *
 * <p>Use {@link #start()} for the background loop, or call {@link #pollOnce()} from your own scheduler
 * (a Camel timer, a test). Not for concurrent use of {@link #pollOnce()} from several threads.
 */
public final class StatusEventSubscription implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StatusEventSubscription.class);
  private static final String TOPIC = EventEncoder.encode(StatusListRegistry.STATUSREVOKED_EVENT);

  private final Ledger ledger;
  private final Web3j web3j;
  private final CheckpointStore store;
  private final StatusEventConsumer consumer;
  private final SubscriptionOptions options;
  private final String contract;
  private final Object pollLock = new Object();
  private final AtomicLong delivered = new AtomicLong();
  private volatile ScheduledExecutorService loop;
  private volatile boolean closing;
  private volatile Exception lastFailure;

  public StatusEventSubscription(Ledger ledger, CheckpointStore store, StatusEventConsumer consumer,
      SubscriptionOptions options) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.web3j = ledger.web3j();
    this.store = Objects.requireNonNull(store, "store");
    this.consumer = Objects.requireNonNull(consumer, "consumer");
    this.options = Objects.requireNonNull(options, "options");
    this.contract = ledger.addressBook().statusListRegistry().toLowerCase(Locale.ROOT);
  }

  /** The stored checkpoint, if any. */
  public Optional<Checkpoint> checkpoint() {
    return store.load();
  }

  /** Events delivered by this instance (not counting earlier runs). */
  public long deliveredCount() {
    return delivered.get();
  }

  /** The failure of the last background poll, empty when it succeeded. */
  public Optional<Exception> lastFailure() {
    return Optional.ofNullable(lastFailure);
  }

  /**
   * Delivers every event between the checkpoint and the head (minus confirmations), then returns how
   * many it delivered.
   *
   * @throws LedgerUnavailableException the node could not be read (nothing after the checkpoint is lost)
   * @throws CheckpointMismatchException the checkpoint belongs to another chain, contract or history
   * @throws ConsumerFailedException the consumer threw; the event will be delivered again
   */
  public int pollOnce() {
    synchronized (pollLock) {
      Checkpoint checkpoint = store.load()
          .orElseGet(() -> Checkpoint.start(ledger.chainId(), contract, options.fromBlock()));
      verifyScope(checkpoint);
      long head = call("eth_blockNumber", () -> web3j.ethBlockNumber().send().getBlockNumber()).longValueExact()
          - options.confirmations();
      verifyAnchor(checkpoint, head);
      int count = 0;
      Map<Long, Instant> blockTimes = new HashMap<>();
      long from = checkpoint.nextBlock();
      while (from <= head) {
        long to = Math.min(head, from + options.maxBlocksPerQuery() - 1);
        for (Log log : logs(from, to)) {
          long block = log.getBlockNumber().longValueExact();
          long logIndex = log.getLogIndex().longValueExact();
          if (checkpoint.covers(block, logIndex)) {
            continue; // delivered in an earlier poll or run, or a duplicate in this response
          }
          if (closing) {
            return count; // stop between events: the checkpoint is exactly where delivery stopped
          }
          StatusRevokedEvent event = decode(log, blockTimes.computeIfAbsent(block, this::blockTime));
          try {
            consumer.accept(event);
          } catch (Exception e) {
            throw new ConsumerFailedException(event, e);
          }
          checkpoint = checkpoint.afterEvent(block, logIndex, log.getBlockHash());
          store.save(checkpoint);
          delivered.incrementAndGet();
          count++;
        }
        checkpoint = checkpoint.afterBlock(to, blockHash(to));
        store.save(checkpoint);
        from = to + 1;
      }
      return count;
    }
  }

  /** Starts polling in a background thread (daemon) until {@link #close()}. */
  public synchronized void start() {
    if (loop != null || closing) {
      throw new IllegalStateException(closing ? "closed" : "already started");
    }
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "noodrem-status-events");
      t.setDaemon(true);
      return t;
    });
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // close() must not wait for the next poll
    loop = executor;
    loop.execute(new Runnable() {
      private int failures;

      @Override
      public void run() {
        Duration pause = options.pollInterval();
        try {
          pollOnce();
          lastFailure = null;
          failures = 0;
        } catch (RuntimeException e) {
          lastFailure = e;
          failures++;
          pause = backoff(failures);
          LOG.warn("status-event poll failed ({} in a row), next try in {}: {}", failures, pause, e.getMessage());
        }
        ScheduledExecutorService current = loop;
        if (current != null && !closing) {
          try {
            current.schedule(this, pause.toMillis(), TimeUnit.MILLISECONDS);
          } catch (RejectedExecutionException e) {
            // closed meanwhile
          }
        }
      }
    });
  }

  private Duration backoff(int failures) {
    Duration pause = options.pollInterval().multipliedBy(1L << Math.min(failures, 10));
    return pause.compareTo(options.maxBackoff()) > 0 ? options.maxBackoff() : pause;
  }

  /**
   * Stops the background loop after the event being delivered (if any): the consumer is not interrupted,
   * so an event it finished is always checkpointed. Only a consumer stuck for 30 s is interrupted.
   */
  @Override
  public synchronized void close() {
    closing = true;
    ScheduledExecutorService current = loop;
    loop = null;
    if (current != null) {
      current.shutdown();
      try {
        if (!current.awaitTermination(30, TimeUnit.SECONDS)) {
          LOG.warn("status-event consumer did not finish within 30 s; interrupting it");
          current.shutdownNow();
        }
      } catch (InterruptedException e) {
        current.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }

  private void verifyScope(Checkpoint checkpoint) {
    if (checkpoint.chainId() != ledger.chainId() || !checkpoint.contract().equals(contract)) {
      throw new CheckpointMismatchException("checkpoint is for chain " + checkpoint.chainId() + " contract "
          + checkpoint.contract() + ", but this subscription reads chain " + ledger.chainId() + " contract " + contract);
    }
  }

  private void verifyAnchor(Checkpoint checkpoint, long head) {
    if (checkpoint.anchorHash().isEmpty()) {
      return;
    }
    long anchor = checkpoint.anchorBlock();
    if (anchor > head + options.confirmations()) {
      throw new CheckpointMismatchException("checkpoint is at block " + anchor + " but the chain's head is "
          + (head + options.confirmations()) + ": the chain was reset");
    }
    String hash = blockHash(anchor);
    if (!hash.equalsIgnoreCase(checkpoint.anchorHash().get())) {
      throw new CheckpointMismatchException("block " + anchor + " has hash " + hash + ", the checkpoint expected "
          + checkpoint.anchorHash().get() + ": the chain was reset or reorganised");
    }
  }

  private List<Log> logs(long from, long to) {
    EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(from)),
        DefaultBlockParameter.valueOf(BigInteger.valueOf(to)), contract);
    filter.addSingleTopic(TOPIC);
    EthLog response = call("eth_getLogs", () -> web3j.ethGetLogs(filter).send());
    if (response.hasError()) {
      throw new LedgerUnavailableException("eth_getLogs " + from + ".." + to + ": " + response.getError().getMessage());
    }
    List<Log> logs = new ArrayList<>();
    for (EthLog.LogResult<?> result : response.getLogs()) {
      if (result instanceof EthLog.LogObject log && !log.isRemoved()
          && contract.equalsIgnoreCase(log.getAddress()) && !log.getTopics().isEmpty()
          && TOPIC.equalsIgnoreCase(log.getTopics().get(0))) {
        logs.add(log.get());
      }
    }
    logs.sort(Comparator.comparing(Log::getBlockNumber).thenComparing(Log::getLogIndex));
    return logs;
  }

  private String blockHash(long block) {
    return block(block).getHash();
  }

  private Instant blockTime(long block) {
    return Instant.ofEpochSecond(block(block).getTimestamp().longValueExact());
  }

  private EthBlock.Block block(long block) {
    EthBlock response = call("eth_getBlockByNumber",
        () -> web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(block)), false).send());
    if (response.getBlock() == null) {
      throw new LedgerUnavailableException("block " + block + " not found");
    }
    return response.getBlock();
  }

  private static StatusRevokedEvent decode(Log log, Instant blockTime) {
    StatusListRegistry.StatusRevokedEventResponse e = StatusListRegistry.getStatusRevokedEventFromLog(log);
    return new StatusRevokedEvent(e.statusListId.longValueExact(), e.statusIndex.longValueExact(),
        Oin.of(new String(e.issuerOin, java.nio.charset.StandardCharsets.US_ASCII)),
        log.getBlockNumber().longValueExact(), log.getBlockHash(), blockTime, log.getTransactionHash(),
        log.getLogIndex().longValueExact());
  }

  private interface Rpc<T> {
    T run() throws IOException;
  }

  private static <T> T call(String what, Rpc<T> rpc) {
    try {
      return rpc.run();
    } catch (IOException e) {
      throw new LedgerUnavailableException(what + ": chain node unreachable: " + e.getMessage(), e);
    }
  }

  /** The consumer threw for an event; the checkpoint stays before it. */
  public static final class ConsumerFailedException extends LedgerException {
    private final transient StatusRevokedEvent event;

    ConsumerFailedException(StatusRevokedEvent event, Exception cause) {
      super("consumer failed on event " + event.eventId() + " (list " + event.statusListId() + ", index "
          + event.statusIndex() + "): " + cause.getMessage(), cause);
      this.event = event;
    }

    public StatusRevokedEvent event() {
      return event;
    }
  }

  @Override
  public String toString() {
    return "StatusEventSubscription[" + contract + ", " + store + "]";
  }
}
