package nl.noodrem.ledger;

import static nl.noodrem.ledger.ChainFixture.assertRevert;
import static nl.noodrem.ledger.ChainFixture.big;
import static nl.noodrem.ledger.ChainFixture.oinBytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.LongStream;
import nl.noodrem.domain.Oin;
import nl.noodrem.ledger.contracts.StatusListRegistry;
import nl.noodrem.ledger.devchain.AnvilDevChain;
import nl.noodrem.ledger.testing.AnvilExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AnvilExtension.class)
class StatusListRegistryTest {

  static final Oin UTRECHT = Oin.of("00000001002220647000");
  static final Oin AMSTERDAM = Oin.of("00000001002564440000");

  ChainFixture fx;
  StatusListRegistry raw;
  String registry;
  IssuerClient utrecht;

  @BeforeEach
  void deploy(AnvilDevChain chain) {
    fx = ChainFixture.deploy(chain);
    raw = fx.ledger.statusListRegistryWrapper();
    registry = fx.addressBook.statusListRegistry();
    utrecht = fx.accredit(1, UTRECHT, "utrecht-k1");
  }

  @AfterEach
  void close() {
    fx.close();
  }

  private static String address(int account) {
    return ChainFixture.account(account).getAddress().toLowerCase(Locale.ROOT);
  }

  @Test
  void createStatusList_byIssuer_ownedByItsOin() {
    long first = utrecht.createStatusList(4096);
    long second = utrecht.createStatusList(100);

    assertThat(first).isEqualTo(1);
    assertThat(second).isEqualTo(2);
    StatusListInfo info = fx.ledger.statusList(first);
    assertThat(info.issuerOin()).isEqualTo(UTRECHT);
    assertThat(info.capacity()).isEqualTo(4096);
    assertThat(info.allocated()).isZero();
    assertThat(info.revokedCount()).isZero();
    assertThat(info.wordCount()).isEqualTo(16);
    assertThat(fx.ledger.statusList(second).wordCount()).isEqualTo(1);
    assertThat(fx.ledger.statusListsOf(UTRECHT)).containsExactly(1L, 2L);
    assertThat(fx.ledger.statusListsOf(AMSTERDAM)).isEmpty();
    assertThat(view(raw.statusListCount())).isEqualTo(big(2));
    assertThat(view(raw.MAX_CAPACITY())).isEqualTo(big(1 << 24));
  }

  @Test
  void createStatusList_refusals_nameTheError() {
    assertRevert(() -> utrecht.createStatusList(0), "InvalidCapacity", big(0), big(1 << 24));
    assertRevert(() -> utrecht.createStatusList((1 << 24) + 1), "InvalidCapacity", big((1 << 24) + 1), big(1 << 24));
    assertRevert(() -> fx.ledger.issuer(ChainFixture.account(7)).createStatusList(10), "NotAnIssuer", address(7));
    fx.admin.suspend(UTRECHT);
    assertRevert(() -> utrecht.createStatusList(10), "IssuerSuspended", oinBytes(UTRECHT));
  }

  @Test
  void allocateIndices_handsOutConsecutiveRanges_untilFull() {
    long list = utrecht.createStatusList(10);

    assertThat(utrecht.allocateIndex(list)).isZero();
    IndexRange range = utrecht.allocateIndices(list, 4);
    assertThat(range.firstIndex()).isEqualTo(1);
    assertThat(range.indices()).containsExactly(1L, 2L, 3L, 4L);
    assertThat(fx.ledger.statusList(list).allocated()).isEqualTo(5);

    assertRevert(() -> utrecht.allocateIndices(list, 6), "StatusListFull", big(list), big(10), big(5), big(6));
    assertRevert(() -> utrecht.allocateIndices(list, 0), "InvalidCount", big(0));
    assertRevert(() -> utrecht.allocateIndices(99, 1), "UnknownStatusList", big(99));
    IssuerClient amsterdam = fx.accredit(2, AMSTERDAM, "amsterdam-k1");
    assertRevert(() -> amsterdam.allocateIndices(list, 1), "UnauthorizedWriter", big(list), address(2));
    assertRevert(() -> fx.ledger.issuer(ChainFixture.account(8)).allocateIndex(list), "UnauthorizedWriter", big(list),
        address(8));
    assertThat(utrecht.allocateIndices(list, 5).firstIndex()).isEqualTo(5);
  }

  @Test
  void issuance_withExpiredKey_isRefused_butRevocationStillWorks() {
    Instant now = fx.chainTime();
    IssuerClient amsterdam = fx.accredit(2, AMSTERDAM, new IssuerAccreditation.KeySpec(KeyId.of("ams-k1"),
        ChainFixture.randomPublicKey(), now.minusSeconds(60), now.plus(Duration.ofHours(1))));
    long list = amsterdam.createStatusList(256);
    long index = amsterdam.allocateIndex(list);
    Instant validUntil = fx.ledger.key(KeyId.of("ams-k1")).orElseThrow().validUntil();

    fx.advanceTime(Duration.ofHours(2));

    assertRevert(() -> amsterdam.allocateIndex(list), "KeyExpired", KeyId.of("ams-k1").toBytes32(),
        ChainFixture.seconds(validUntil));
    assertRevert(() -> amsterdam.createStatusList(256), "KeyExpired", KeyId.of("ams-k1").toBytes32(),
        ChainFixture.seconds(validUntil));
    assertThat(amsterdam.revoke(list, index).newlyRevoked()).containsExactly(index);
  }

  @Test
  void issuance_withFutureOrRevokedKey_isRefused() {
    Instant now = fx.chainTime();
    Instant later = now.plus(Duration.ofDays(1));
    IssuerClient amsterdam = fx.accredit(2, AMSTERDAM, new IssuerAccreditation.KeySpec(KeyId.of("ams-k1"),
        ChainFixture.randomPublicKey(), later, later.plus(Duration.ofDays(30))));
    assertRevert(() -> amsterdam.createStatusList(256), "KeyNotYetValid", KeyId.of("ams-k1").toBytes32(),
        ChainFixture.seconds(later));

    long list = utrecht.createStatusList(256);
    fx.admin.revokeKey(KeyId.of("utrecht-k1"));
    assertRevert(() -> utrecht.allocateIndex(list), "CurrentKeyRevoked", KeyId.of("utrecht-k1").toBytes32());
    fx.admin.rotateKey(UTRECHT, fx.keySpec("utrecht-k2"));
    assertThat(utrecht.allocateIndex(list)).isZero();
  }

  @Test
  void revoke_setsOneBit_onceAndIdempotently() {
    long list = utrecht.createStatusList(1000);
    utrecht.allocateIndices(list, 600);

    RevocationResult first = utrecht.revoke(list, 513);
    RevocationResult again = utrecht.revoke(list, 513);

    assertThat(first.newlyRevoked()).containsExactly(513L);
    assertThat(again.newlyRevoked()).isEmpty();
    assertThat(fx.ledger.readStatus(list, 513)).isTrue();
    assertThat(fx.ledger.readStatus(list, 512)).isFalse();
    assertThat(fx.ledger.readStatus(list, 514)).isFalse();
    assertThat(fx.ledger.readStatus(list, 999)).isFalse();
    assertThat(fx.ledger.statusList(list).revokedCount()).isEqualTo(1);
    BigInteger word2 = wordsOf(list, 2, 1).get(0);
    assertThat(word2).isEqualTo(BigInteger.ONE.shiftLeft(1)); // 513 = word 2, bit 1 from the least significant
  }

  @Test
  void revoke_refusals_nameTheError() {
    long list = utrecht.createStatusList(1000);
    utrecht.allocateIndices(list, 10);
    IssuerClient amsterdam = fx.accredit(2, AMSTERDAM, "amsterdam-k1");

    assertRevert(() -> utrecht.revoke(list, 1000), "IndexOutOfRange", big(list), big(1000), big(1000));
    assertRevert(() -> utrecht.revoke(list, 10), "IndexNotAllocated", big(list), big(10), big(10));
    assertRevert(() -> utrecht.revoke(7, 1), "UnknownStatusList", big(7));
    assertRevert(() -> amsterdam.revoke(list, 1), "UnauthorizedWriter", big(list), address(2));
    assertRevert(() -> fx.ledger.issuer(ChainFixture.account(9)).revoke(list, 1), "UnauthorizedWriter", big(list),
        address(9));
    fx.admin.suspend(UTRECHT);
    assertRevert(() -> utrecht.revoke(list, 1), "IssuerSuspended", oinBytes(UTRECHT));
    assertRevert(() -> utrecht.revokeBatch(list, List.of(1L, 2L)), "IssuerSuspended", oinBytes(UTRECHT));
    fx.admin.reinstate(UTRECHT);
    assertThat(utrecht.revoke(list, 1).newlyRevoked()).containsExactly(1L);
    assertThat(fx.ledger.statusList(list).revokedCount()).isEqualTo(1);
  }

  @Test
  void revokeBatch_thousandIndicesInOneTransaction_allSetWithOneEventEach() {
    long list = utrecht.createStatusList(131_072);
    utrecht.allocateIndices(list, 131_072);
    // the worst case for gas: every index in its own, untouched 256-bit word
    List<Long> spread = LongStream.range(0, 1000).map(i -> i * 131).boxed().toList();

    RevocationResult result = utrecht.revokeBatch(list, spread);

    assertThat(result.newlyRevoked()).hasSize(1000).containsExactlyElementsOf(spread);
    assertThat(result.gasUsed()).isLessThan(30_000_000);
    assertThat(fx.ledger.statusList(list).revokedCount()).isEqualTo(1000);
    StatusBits bits = fx.ledger.readStatuses(list, 0, 131_000);
    assertThat(bits.revokedIndices().boxed().toList()).isEqualTo(spread);
  }

  @Test
  void revokeBatch_unsortedWithDuplicatesAndRevokedOnes_changesEachBitOnce() {
    long list = utrecht.createStatusList(2048);
    utrecht.allocateIndices(list, 2048);
    utrecht.revoke(list, 700);

    RevocationResult result = utrecht.revokeBatch(list, List.of(1500L, 3L, 700L, 3L, 255L, 256L, 1500L, 2047L));

    assertThat(result.newlyRevoked()).containsExactly(3L, 255L, 256L, 1500L, 2047L);
    assertThat(fx.ledger.statusList(list).revokedCount()).isEqualTo(6);
    assertThat(fx.ledger.readStatuses(list, 0, 2048).revokedIndices().boxed().toList())
        .containsExactly(3L, 255L, 256L, 700L, 1500L, 2047L);
  }

  @Test
  void revokeBatch_unsortedOnChain_stillCorrect() {
    // The client sorts; the contract must be right for any order a different client might send.
    long list = utrecht.createStatusList(1024);
    utrecht.allocateIndices(list, 1024);
    List<BigInteger> unsorted = List.of(big(900), big(2), big(300), big(3), big(901), big(2));

    fx.send(ChainFixture.account(1), registry, raw.revokeBatch(big(list), unsorted));

    assertThat(fx.ledger.readStatuses(list, 0, 1024).revokedIndices().boxed().toList())
        .containsExactly(2L, 3L, 300L, 900L, 901L);
    assertThat(fx.ledger.statusList(list).revokedCount()).isEqualTo(5);
  }

  @Test
  void revokeBatch_refusals_nameTheFirstOffendingIndex() {
    long list = utrecht.createStatusList(1000);
    utrecht.allocateIndices(list, 10);

    assertRevert(() -> fx.send(ChainFixture.account(1), registry, raw.revokeBatch(big(list), List.of())), "EmptyBatch");
    assertRevert(() -> utrecht.revokeBatch(list, List.of(1L, 12L, 5000L)), "IndexNotAllocated", big(list), big(12),
        big(10));
    assertRevert(() -> utrecht.revokeBatch(list, List.of(1L, 5000L)), "IndexOutOfRange", big(list), big(5000),
        big(1000));
    IssuerClient amsterdam = fx.accredit(2, AMSTERDAM, "amsterdam-k1");
    assertRevert(() -> amsterdam.revokeBatch(list, List.of(1L)), "UnauthorizedWriter", big(list), address(2));
    assertThat(fx.ledger.statusList(list).revokedCount()).isZero();
  }

  @Test
  void readStatuses_tenThousandBits_takeAHandfulOfCalls_andMatchTheSingleReads() {
    long list = utrecht.createStatusList(20_000);
    utrecht.allocateIndices(list, 20_000);
    java.util.TreeSet<Long> revoked = new java.util.TreeSet<>();
    while (revoked.size() < 400) {
      revoked.add(4_000 + (long) ChainFixture.RANDOM.nextInt(12_000)); // some inside, some outside the read
    }
    utrecht.revokeBatch(list, revoked);

    StatusBits bits = fx.ledger.readStatuses(list, 5_000, 10_000);

    assertThat(bits.calls()).isEqualTo(1); // 40 words at 64 words per call
    assertThat(bits.revokedIndices().boxed().toList())
        .isEqualTo(List.copyOf(revoked.subSet(5_000L, 15_000L)));
    for (long index : List.of(revoked.first(), revoked.last(), revoked.ceiling(5_000L), 4_999L, 15_000L)) {
      if (index >= 5_000 && index < 15_000) {
        assertThat(bits.isRevoked(index)).isEqualTo(fx.ledger.readStatus(list, index));
      }
    }
    try (Ledger smallCalls = Ledger.connect(fx.chain.rpcUrl(), fx.addressBook, LedgerOptions.DEFAULT.withWordsPerCall(8))) {
      StatusBits again = smallCalls.readStatuses(list, 5_000, 10_000);
      assertThat(again.calls()).isEqualTo(5);
      assertThat(again.revokedIndices().boxed().toList()).isEqualTo(bits.revokedIndices().boxed().toList());
    }
    assertRevert(() -> fx.ledger.readStatuses(list, 19_990, 300), "WordRangeOutOfBounds", big(list), big(78), big(2),
        big(79));
  }

  @Test
  void reads_refusals_nameTheError() {
    long list = utrecht.createStatusList(300);

    assertRevert(() -> fx.ledger.readStatus(list, 300), "IndexOutOfRange", big(list), big(300), big(300));
    assertRevert(() -> fx.ledger.readStatus(5, 0), "UnknownStatusList", big(5));
    assertRevert(() -> fx.ledger.statusList(5), "UnknownStatusList", big(5));
    assertRevert(() -> wordsOf(list, 1, 2), "WordRangeOutOfBounds", big(list), big(1), big(2), big(2));
    assertRevert(() -> wordsOf(list, 0, 0), "WordRangeOutOfBounds", big(list), big(0), big(0), big(2));
    assertRevert(() -> wordsOf(list, 2, 1), "WordRangeOutOfBounds", big(list), big(2), big(1), big(2));
    assertThat(fx.ledger.readStatus(list, 299)).isFalse(); // within capacity, not allocated: readable, valid
    assertThat(wordsOf(list, 0, 2)).containsExactly(BigInteger.ZERO, BigInteger.ZERO);
  }

  @Test
  void isRevoked_trustInterface_translatesFailures() throws Exception {
    long list = utrecht.createStatusList(300);
    utrecht.allocateIndices(list, 3);
    utrecht.revoke(list, 2);

    assertThat(fx.ledger.isRevoked(list, 2)).isTrue();
    assertThat(fx.ledger.isRevoked(list, 1)).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> fx.ledger.isRevoked(list, 300))
        .isInstanceOf(nl.noodrem.zkp.trust.TrustLookupException.class)
        .hasMessageContaining("IndexOutOfRange");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> fx.ledger.isRevoked(42, 0))
        .isInstanceOf(nl.noodrem.zkp.trust.TrustLookupException.class)
        .hasMessageContaining("UnknownStatusList");
  }

  @Test
  void changeIssuerAccount_movesWriteRight_listsStayTheIssuers() {
    long list = utrecht.createStatusList(100);
    utrecht.allocateIndices(list, 10);

    fx.admin.changeIssuerAccount(UTRECHT, address(6));

    assertRevert(() -> utrecht.revoke(list, 1), "UnauthorizedWriter", big(list), address(1));
    IssuerClient newAccount = fx.ledger.issuer(ChainFixture.account(6));
    assertThat(newAccount.revoke(list, 1).newlyRevoked()).containsExactly(1L);
    assertThat(fx.ledger.statusListsOf(UTRECHT)).containsExactly(list);
  }

  @Test
  void statusListIds_areGlobalAcrossIssuers() {
    IssuerClient amsterdam = fx.accredit(2, AMSTERDAM, "amsterdam-k1");
    long a = utrecht.createStatusList(10);
    long b = amsterdam.createStatusList(10);
    long c = utrecht.createStatusList(10);

    assertThat(List.of(a, b, c)).containsExactly(1L, 2L, 3L);
    assertThat(fx.ledger.statusListsOf(UTRECHT)).containsExactly(1L, 3L);
    assertThat(fx.ledger.statusListsOf(AMSTERDAM)).containsExactly(2L);
    assertThat(fx.ledger.statusList(b).issuerOin()).isEqualTo(AMSTERDAM);
    String issuerRegistry = fx.ledger.rpc().call("issuerRegistry", registry, raw.issuerRegistry().encodeFunctionCall());
    assertThat(issuerRegistry).endsWith(fx.addressBook.issuerRegistry().substring(2));
  }

  private BigInteger view(org.web3j.protocol.core.RemoteFunctionCall<BigInteger> call) {
    return new BigInteger(fx.ledger.rpc().call("view", registry, call.encodeFunctionCall()).substring(2), 16);
  }

  @SuppressWarnings("unchecked")
  private List<BigInteger> wordsOf(long list, long first, long count) {
    var call = raw.getWords(big(list), big(first), big(count));
    String result = fx.ledger.rpc().call("getWords", registry, call.encodeFunctionCall());
    List<BigInteger> words = new ArrayList<>();
    for (var w : (List<org.web3j.abi.datatypes.generated.Uint256>) call.decodeFunctionResponse(result).get(0).getValue()) {
      words.add(w.getValue());
    }
    return words;
  }
}
