package nl.noodrem.ledger.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import nl.noodrem.domain.Oin;
import nl.noodrem.ledger.ChainFixture;
import nl.noodrem.ledger.IssuerClient;
import nl.noodrem.ledger.Ledger;
import nl.noodrem.ledger.LedgerOptions;
import nl.noodrem.ledger.StatusRevokedEvent;
import nl.noodrem.ledger.contracts.StatusListRegistry;
import nl.noodrem.ledger.devchain.AnvilDevChain;
import nl.noodrem.ledger.testing.AnvilExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;

/** Each test runs its own Anvil with a state file, so it can stop and restart the node. */
class StatusEventSubscriptionTest {

  static final Oin UTRECHT = Oin.of("00000001002220647000");
  static final SubscriptionOptions FAST = SubscriptionOptions.DEFAULT.withPollInterval(Duration.ofMillis(50))
      .withMaxBlocksPerQuery(7); // small ranges, so a run spans many getLogs calls

  @TempDir
  Path dir;

  AnvilDevChain chain;
  ChainFixture fx;
  IssuerClient utrecht;
  long list;
  SubscriptionOptions options;
  nl.noodrem.ledger.AddressBook addressBook;

  /** What a consumer committed, in delivery order; an event is committed only when accept returns. */
  final List<StatusRevokedEvent> committed = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() {
    chain = AnvilDevChain.start(AnvilDevChain.Config.forProject(AnvilExtension.moduleRoot())
        .withStateFile(dir.resolve("anvil-state.json")));
    fx = ChainFixture.deploy(chain);
    utrecht = fx.accredit(1, UTRECHT, "utrecht-k1");
    list = utrecht.createStatusList(4096);
    utrecht.allocateIndices(list, 4096);
    options = FAST.withFromBlock(fx.deploymentBlock);
    addressBook = fx.addressBook;
  }

  @AfterEach
  void stop() {
    if (fx != null) {
      fx.close();
    }
    chain.stop();
  }

  private FileCheckpointStore store() {
    return new FileCheckpointStore(dir.resolve("checkpoint.properties"));
  }

  @Test
  void pollOnce_deliversEachEventOnce_inChainOrder_andNothingOnRepeat() {
    utrecht.revoke(list, 7);
    utrecht.revokeBatch(list, List.of(300L, 1L, 2000L));
    utrecht.revoke(list, 7); // already revoked: no event
    StatusEventSubscription subscription = new StatusEventSubscription(fx.ledger, store(), committed::add, options);

    assertThat(subscription.pollOnce()).isEqualTo(4);
    assertThat(subscription.pollOnce()).isZero();
    utrecht.revoke(list, 8);
    assertThat(subscription.pollOnce()).isEqualTo(1);

    assertThat(committed).extracting(StatusRevokedEvent::statusIndex).containsExactly(7L, 1L, 300L, 2000L, 8L);
    assertThat(committed).allSatisfy(e -> {
      assertThat(e.statusListId()).isEqualTo(list);
      assertThat(e.issuerOin()).isEqualTo(UTRECHT);
    });
    assertThat(committed).extracting(StatusRevokedEvent::eventId).doesNotHaveDuplicates();
    assertThat(committed).isEqualTo(allEventsOnChain(fx.ledger));
    var domainEvent = committed.get(0).toCredentialStatusChanged();
    assertThat(domainEvent.sourceId()).isEqualTo(committed.get(0).eventId());
    assertThat(domainEvent.revoked()).isTrue();
    assertThat(domainEvent.statusIndex()).isEqualTo(7);
    assertThat(domainEvent.occurredAt()).isEqualTo(committed.get(0).blockTime());
    Checkpoint checkpoint = subscription.checkpoint().orElseThrow();
    assertThat(checkpoint.nextBlock()).isEqualTo(fx.ledger.blockNumber() + 1);
    assertThat(checkpoint.nextLogIndex()).isZero();
  }

  @Test
  void consumerFails_eventComesAgain_nothingSkippedOrRepeated() {
    utrecht.revokeBatch(list, List.of(1L, 2L, 3L, 4L));
    AtomicInteger calls = new AtomicInteger();
    StatusEventSubscription subscription = new StatusEventSubscription(fx.ledger, store(), event -> {
      if (calls.incrementAndGet() == 3) {
        throw new IllegalStateException("downstream unavailable");
      }
      committed.add(event);
    }, options);

    assertThatThrownBy(subscription::pollOnce)
        .isInstanceOf(StatusEventSubscription.ConsumerFailedException.class)
        .hasMessageContaining("downstream unavailable");
    assertThat(committed).extracting(StatusRevokedEvent::statusIndex).containsExactly(1L, 2L);
    assertThat(subscription.pollOnce()).isEqualTo(2);

    assertThat(committed).extracting(StatusRevokedEvent::statusIndex).containsExactly(1L, 2L, 3L, 4L);
  }

  @Test
  void killedAndRestartedMidStream_withTheNodeRestarted_deliversEveryEventExactlyOnce() throws Exception {
    // 120 events over 63 transactions: singles and batches, so events share blocks
    List<Long> indices = LongStream.range(0, 120).map(i -> i * 31).boxed().toList();
    for (int i = 0; i < 60; i++) {
      utrecht.revoke(list, indices.get(i));
    }
    utrecht.revokeBatch(list, indices.subList(60, 80));
    utrecht.revokeBatch(list, indices.subList(80, 100));

    // Run 1: in the background; killed while the consumer is busy with the 41st event.
    java.util.concurrent.CountDownLatch busyWith41st = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch killed = new java.util.concurrent.CountDownLatch(1);
    StatusEventSubscription first = new StatusEventSubscription(fx.ledger, store(), event -> {
      if (committed.size() == 40) {
        busyWith41st.countDown();
        killed.await(); // the kill arrives while this event is being processed
      }
      committed.add(event);
    }, options);
    first.start();
    assertThat(busyWith41st.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    Thread killer = new Thread(first::close);
    killer.start();
    // close() has marked the subscription closed and waits (timed) for the event in progress
    await(() -> killer.getState() == Thread.State.TIMED_WAITING, "the kill to begin");
    killed.countDown();
    killer.join(60_000);
    int afterKill = committed.size();
    assertThat(afterKill).isEqualTo(41); // the event in progress finished and was checkpointed; no more
    assertThat(store().load().orElseThrow().covers(committed.get(40).blockNumber(), committed.get(40).logIndex()))
        .isTrue();

    // The node goes down and comes back with its state (blocks, receipts, logs).
    String url = chain.rpcUrl();
    fx.close();
    chain.stop();
    chain = AnvilDevChain.start(chain.config().withPort(chain.port()));
    assertThat(chain.rpcUrl()).isEqualTo(url);
    fx = null;
    try (Ledger ledger = Ledger.connect(url, addressBook, LedgerOptions.DEFAULT)) {
      IssuerClient again = ledger.issuer(ChainFixture.account(1));
      again.revokeBatch(list, indices.subList(100, 120));

      // Run 2: a new subscription instance with the same checkpoint file.
      StatusEventSubscription second = new StatusEventSubscription(ledger, store(), committed::add, options);
      int delivered = second.pollOnce();

      assertThat(delivered).isEqualTo(120 - afterKill);
      assertThat(committed).extracting(StatusRevokedEvent::eventId).doesNotHaveDuplicates();
      assertThat(committed).extracting(StatusRevokedEvent::statusIndex).containsExactlyElementsOf(indices);
      assertThat(committed).isEqualTo(allEventsOnChain(ledger));
    }
  }

  @Test
  void backgroundSubscription_survivesANodeRestart_withoutBeingRestarted() throws Exception {
    StatusEventSubscription subscription = new StatusEventSubscription(fx.ledger, store(), committed::add, options);
    subscription.start();
    utrecht.revokeBatch(list, List.of(10L, 11L, 12L));
    await(() -> committed.size() == 3, "events before the restart");

    chain.stop();
    await(() -> subscription.lastFailure().isPresent(), "the subscription to notice the node is gone");
    chain = AnvilDevChain.start(chain.config().withPort(chain.port()));
    utrecht.revokeBatch(list, List.of(13L, 14L));
    await(() -> committed.size() == 5, "events after the restart");
    subscription.close();

    assertThat(committed).extracting(StatusRevokedEvent::statusIndex).containsExactly(10L, 11L, 12L, 13L, 14L);
    assertThat(subscription.lastFailure()).isEmpty();
  }

  @Test
  void checkpoint_ofAnotherChainOrContract_isRefused() {
    FileCheckpointStore store = store();
    store.save(Checkpoint.start(fx.ledger.chainId() + 1, fx.addressBook.statusListRegistry(), 0));
    StatusEventSubscription subscription = new StatusEventSubscription(fx.ledger, store, committed::add, options);
    assertThatThrownBy(subscription::pollOnce).isInstanceOf(CheckpointMismatchException.class)
        .hasMessageContaining("chain " + (fx.ledger.chainId() + 1));

    store.save(Checkpoint.start(fx.ledger.chainId(), "0x000000000000000000000000000000000000dead", 0));
    assertThatThrownBy(subscription::pollOnce).isInstanceOf(CheckpointMismatchException.class)
        .hasMessageContaining("0x000000000000000000000000000000000000dead");
  }

  @Test
  void checkpoint_afterTheChainWasReset_isRefused() throws Exception {
    utrecht.revoke(list, 1);
    new StatusEventSubscription(fx.ledger, store(), committed::add, options).pollOnce();

    // A fresh chain without the old state: same deployer, same nonces, so the same contract addresses.
    fx.close();
    chain.stop();
    Files.delete(dir.resolve("anvil-state.json"));
    chain = AnvilDevChain.start(chain.config().withPort(chain.port()));
    fx = ChainFixture.deploy(chain);
    assertThat(fx.addressBook).isEqualTo(addressBook);
    for (int i = 0; i < 12; i++) {
      fx.advanceTime(Duration.ofSeconds(1)); // blocks up to and beyond the old anchor, with other hashes
    }

    StatusEventSubscription subscription = new StatusEventSubscription(fx.ledger, store(), committed::add, options);
    assertThatThrownBy(subscription::pollOnce).isInstanceOf(CheckpointMismatchException.class)
        .hasMessageContaining("reset");
  }

  /** Every StatusRevoked event of the registry, from one independent eth_getLogs over the whole chain. */
  private List<StatusRevokedEvent> allEventsOnChain(Ledger ledger) {
    try {
      EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.ZERO),
          DefaultBlockParameter.valueOf(BigInteger.valueOf(ledger.blockNumber())), ledger.addressBook().statusListRegistry());
      filter.addSingleTopic(EventEncoder.encode(StatusListRegistry.STATUSREVOKED_EVENT));
      List<StatusRevokedEvent> events = new ArrayList<>();
      for (EthLog.LogResult<?> result : ledger.web3j().ethGetLogs(filter).send().getLogs()) {
        var log = ((EthLog.LogObject) result).get();
        var e = StatusListRegistry.getStatusRevokedEventFromLog(log);
        java.time.Instant time = java.time.Instant.ofEpochSecond(ledger.web3j().ethGetBlockByHash(log.getBlockHash(), false)
            .send().getBlock().getTimestamp().longValueExact());
        events.add(new StatusRevokedEvent(e.statusListId.longValueExact(), e.statusIndex.longValueExact(),
            Oin.of(new String(e.issuerOin)), log.getBlockNumber().longValueExact(), log.getBlockHash(), time,
            log.getTransactionHash(), log.getLogIndex().longValueExact()));
      }
      return events;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }
}
