package nl.noodrem.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.noodrem.domain.Oin;
import nl.noodrem.ledger.devchain.AnvilDevChain;
import nl.noodrem.ledger.testing.AnvilExtension;
import nl.noodrem.ledger.tx.RetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.protocol.http.HttpService;

/** Each test gets its own Anvil, because they stop it or switch its mining off. */
class TransactionRetryTest {

  static final Oin UTRECHT = Oin.of("00000001002220647000");
  static final RetryPolicy QUICK = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(400), Duration.ofMillis(20));

  AnvilDevChain chain;
  ChainFixture fx;
  IssuerClient utrecht;
  long list;

  @BeforeEach
  void start() {
    chain = AnvilDevChain.start(AnvilDevChain.Config.forProject(AnvilExtension.moduleRoot()));
    fx = ChainFixture.deploy(chain, LedgerOptions.DEFAULT.withRetry(QUICK));
    utrecht = fx.accredit(1, UTRECHT, "k1");
    list = utrecht.createStatusList(10);
    utrecht.allocateIndices(list, 10);
  }

  @AfterEach
  void stop() {
    fx.close();
    chain.stop();
  }

  @Test
  void send_nodeDown_failsWithClearErrorAfterTheLastTry() {
    chain.stop();

    assertThatThrownBy(() -> utrecht.revoke(list, 0))
        .isInstanceOf(LedgerUnavailableException.class)
        .hasMessageContaining("revoke")
        .hasMessageContaining("after 3 tries");
  }

  @Test
  void send_neverMined_resubmitsTheSameTransaction_thenFailsClearly_andLandsOnceWhenMined() throws Exception {
    rpc("evm_setAutomine", false);
    long before = fx.ledger.blockNumber();

    assertThatThrownBy(() -> utrecht.revoke(list, 4))
        .isInstanceOf(TransactionFailedException.class)
        .hasMessageContaining("revoke failed after 3 attempts")
        .hasMessageContaining("no receipt");

    rpc("evm_mine");
    rpc("evm_setAutomine", true);
    var block = fx.ledger.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock();
    assertThat(block.getNumber()).isEqualTo(BigInteger.valueOf(before + 1));
    assertThat(block.getTransactions()).hasSize(1); // three submissions, one transaction
    assertThat(fx.ledger.readStatus(list, 4)).isTrue();
    // the nonce counter recovered: the next transaction lands normally
    assertThat(utrecht.revoke(list, 5).newlyRevoked()).containsExactly(5L);
  }

  @Test
  void send_losesARaceOnChain_theErrorIsStillNamed() throws Exception {
    long single = utrecht.createStatusList(1);
    try (Ledger patient = Ledger.connect(chain.rpcUrl(), fx.addressBook)) {
      IssuerClient issuer = patient.issuer(ChainFixture.account(1));
      rpc("evm_setAutomine", false);
      // Both estimates see a free index; both transactions are mined in one block; the second fails there.
      ExecutorService two = Executors.newFixedThreadPool(2);
      List<Future<Long>> results = List.of(two.submit(() -> issuer.allocateIndex(single)),
          two.submit(() -> issuer.allocateIndex(single)));
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (pendingTransactions() < 2) {
        assertThat(System.nanoTime()).as("both transactions reach the pool").isLessThan(deadline);
        Thread.sleep(10);
      }
      rpc("evm_mine");
      rpc("evm_setAutomine", true);

      List<Long> won = new ArrayList<>();
      List<Throwable> lost = new ArrayList<>();
      for (Future<Long> result : results) {
        try {
          won.add(result.get(30, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
          lost.add(e.getCause());
        }
      }
      two.shutdown();
      assertThat(won).containsExactly(0L);
      assertThat(lost).singleElement().isInstanceOf(ContractRevertedException.class);
      ContractError error = ((ContractRevertedException) lost.get(0)).error();
      assertThat(error.name()).isEqualTo("StatusListFull");
      assertThat(error.values()).containsExactly(BigInteger.valueOf(single), BigInteger.ONE, BigInteger.ONE,
          BigInteger.ONE);
    }
  }

  /** Anvil's answer to txpool_status: pending and queued counts as hex. */
  public static class TxPoolStatus extends org.web3j.protocol.core.Response<java.util.Map<String, String>> {}

  private int pendingTransactions() throws IOException {
    TxPoolStatus status = new Request<>("txpool_status", List.of(), new HttpService(chain.rpcUrl()), TxPoolStatus.class)
        .send();
    return Integer.decode(status.getResult().get("pending"));
  }

  private void rpc(String method, Object... params) throws IOException {
    VoidResponse response = new Request<>(method, List.of(params), new HttpService(chain.rpcUrl()), VoidResponse.class)
        .send();
    assertThat(response.hasError()).as("%s: %s", method, response.getError() == null ? "" : response.getError().getMessage())
        .isFalse();
  }
}
