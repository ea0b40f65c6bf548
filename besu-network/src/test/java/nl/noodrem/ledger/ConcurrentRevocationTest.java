package nl.noodrem.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.noodrem.domain.Oin;
import nl.noodrem.ledger.devchain.AnvilDevChain;
import nl.noodrem.ledger.testing.AnvilExtension;
import nl.noodrem.ledger.tx.AccountTransactor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AnvilExtension.class)
class ConcurrentRevocationTest {

  static final Oin UTRECHT = Oin.of("00000001002220647000");

  ChainFixture fx;
  IssuerClient utrecht;

  @BeforeEach
  void deploy(AnvilDevChain chain) {
    fx = ChainFixture.deploy(chain);
    utrecht = fx.accredit(1, UTRECHT, "utrecht-k1");
  }

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  void revoke_500From8ThreadsThroughOneAccount_allLandWithoutNonceErrors() throws Exception {
    long list = utrecht.createStatusList(1024);
    utrecht.allocateIndices(list, 1024);
    List<Long> indices = new ArrayList<>();
    for (long i = 0; i < 500; i++) {
      indices.add(i * 2);
    }
    Collections.shuffle(indices, ChainFixture.RANDOM);

    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<RevocationResult>> futures = new ArrayList<>();
    for (long index : indices) {
      futures.add(pool.submit(() -> utrecht.revoke(list, index)));
    }
    List<RevocationResult> results = new ArrayList<>();
    for (Future<RevocationResult> f : futures) {
      results.add(f.get(120, TimeUnit.SECONDS)); // rethrows any failure, nonce errors included
    }
    pool.shutdown();

    assertThat(results).allSatisfy(r -> assertThat(r.newlyRevoked()).hasSize(1));
    assertThat(results.stream().map(RevocationResult::transactionHash).distinct()).hasSize(500);
    assertThat(fx.ledger.transactor(ChainFixture.account(1)).nonceResyncs()).isZero();
    assertThat(fx.ledger.statusList(list).revokedCount()).isEqualTo(500);
    StatusBits bits = fx.ledger.readStatuses(list, 0, 1000);
    assertThat(bits.revokedIndices().boxed().toList()).containsExactlyInAnyOrderElementsOf(indices);
  }

  @Test
  void send_afterAnotherSenderUsedTheNonce_resynchronisesAndLands() {
    long list = utrecht.createStatusList(100);
    utrecht.allocateIndices(list, 100);
    utrecht.revoke(list, 1); // the ledger's transactor now holds the next nonce locally

    // Another transactor for the same account (as if a second process) spends that nonce behind our back.
    AccountTransactor intruder = new AccountTransactor(fx.ledger.rpc(), ChainFixture.account(1), fx.ledger.chainId(),
        java.math.BigInteger.ZERO);
    intruder.execute("intruder", fx.addressBook.statusListRegistry(),
        fx.ledger.statusListRegistryWrapper().revoke(ChainFixture.big(list), ChainFixture.big(2)).encodeFunctionCall());

    RevocationResult result = utrecht.revoke(list, 3);

    assertThat(result.newlyRevoked()).containsExactly(3L);
    assertThat(fx.ledger.transactor(ChainFixture.account(1)).nonceResyncs()).isEqualTo(1);
  }
}
