package nl.noodrem.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
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

  private void rpc(String method, Object... params) throws IOException {
    VoidResponse response = new Request<>(method, List.of(params), new HttpService(chain.rpcUrl()), VoidResponse.class)
        .send();
    assertThat(response.hasError()).as("%s: %s", method, response.getError() == null ? "" : response.getError().getMessage())
        .isFalse();
  }
}
