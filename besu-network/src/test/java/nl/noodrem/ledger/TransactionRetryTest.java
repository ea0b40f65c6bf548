package nl.noodrem.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
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
  void send_passesItsEstimateButFailsOnChain_theErrorIsStillNamed() throws Exception {
    // The estimate cannot foresee the block's timestamp: the key is valid when estimated and has
    // expired when the block is mined, so the transaction fails on chain, not in the estimate.
    Instant now = fx.chainTime();
    IssuerAccreditation.KeySpec shortKey = new IssuerAccreditation.KeySpec(KeyId.of("ams-k1"),
        ChainFixture.randomPublicKey(), now.minusSeconds(60), now.plusSeconds(600));
    try (Ledger patient = Ledger.connect(chain.rpcUrl(), fx.addressBook)) {
      IssuerClient amsterdam = patient.issuer(ChainFixture.account(2));
      fx.admin.accredit(new IssuerAccreditation(Oin.of("00000001002564440000"), "Amsterdam",
          ChainFixture.account(2).getAddress(), shortKey));
      long amsterdamList = amsterdam.createStatusList(10);
      rpc("evm_setAutomine", false);
      ExecutorService one = Executors.newSingleThreadExecutor();
      Future<Long> allocation = one.submit(() -> amsterdam.allocateIndex(amsterdamList));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (pendingTransactions() < 1) {
        assertThat(System.nanoTime()).as("the transaction reaches the pool").isLessThan(deadline);
        Thread.sleep(10);
      }
      rpc("evm_increaseTime", 3600);
      rpc("evm_mine");
      rpc("evm_setAutomine", true);

      assertThatThrownBy(() -> allocation.get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause().isInstanceOf(ContractRevertedException.class)
          .satisfies(e -> {
            ContractError error = ((ContractRevertedException) e).error();
            assertThat(error.name()).isEqualTo("KeyExpired");
            assertThat(error.values()).hasSize(2);
            assertThat((byte[]) error.values().get(0)).isEqualTo(KeyId.of("ams-k1").toBytes32());
            assertThat(error.values().get(1)).isEqualTo(BigInteger.valueOf(shortKey.validUntil().getEpochSecond()));
          });
      one.shutdown();
      var block = fx.ledger.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock();
      assertThat(block.getTransactions()).hasSize(1); // it was mined, and failed there
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
