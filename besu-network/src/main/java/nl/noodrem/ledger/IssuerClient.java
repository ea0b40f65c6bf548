package nl.noodrem.ledger;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import nl.noodrem.ledger.contracts.StatusListRegistry;
import nl.noodrem.ledger.tx.AccountTransactor;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * What an issuer (a municipality) writes: its status lists. Only the issuer's own account may write
 * its lists ({@code UnauthorizedWriter} otherwise). Every method waits for the transaction to be mined.
 * Thread-safe: call it from many threads; nonces are assigned locally (see {@link AccountTransactor}).
 * Obtained from {@link Ledger#issuer(org.web3j.crypto.Credentials)}.
 */
public final class IssuerClient {

  private final Ledger ledger;
  private final AccountTransactor tx;

  IssuerClient(Ledger ledger, AccountTransactor tx) {
    this.ledger = ledger;
    this.tx = tx;
  }

  /** This client's account. */
  public String address() {
    return tx.address();
  }

  /** Creates a status list of {@code capacity} bits and returns its global id. */
  public long createStatusList(long capacity) {
    TransactionReceipt receipt = tx.execute("createStatusList", registry(),
        wrapper().createStatusList(OnChain.uint64(capacity)).encodeFunctionCall());
    List<StatusListRegistry.StatusListCreatedEventResponse> events = mine(StatusListRegistry.getStatusListCreatedEvents(receipt));
    if (events.size() != 1) {
      throw new LedgerUnavailableException("createStatusList: expected one StatusListCreated event, got " + events.size());
    }
    return events.get(0).statusListId.longValueExact();
  }

  /** Hands out the next index of a list (one credential's revocation bit). */
  public long allocateIndex(long statusListId) {
    return allocateIndices(statusListId, 1).firstIndex();
  }

  /**
   * Hands out {@code count} consecutive indices. Allocating a block and assigning its indices in random
   * order off chain keeps issuance order from being readable on chain.
   */
  public IndexRange allocateIndices(long statusListId, long count) {
    TransactionReceipt receipt = tx.execute("allocateIndices", registry(),
        wrapper().allocateIndices(OnChain.uint64(statusListId), OnChain.uint64(count)).encodeFunctionCall());
    List<StatusListRegistry.IndicesAllocatedEventResponse> events = mine(StatusListRegistry.getIndicesAllocatedEvents(receipt));
    if (events.size() != 1) {
      throw new LedgerUnavailableException("allocateIndices: expected one IndicesAllocated event, got " + events.size());
    }
    var e = events.get(0);
    return new IndexRange(e.statusListId.longValueExact(), e.firstIndex.longValueExact(), e.count.longValueExact(),
        receipt.getTransactionHash());
  }

  /** Revokes one index. Revoking a revoked index succeeds and changes nothing. */
  public RevocationResult revoke(long statusListId, long statusIndex) {
    TransactionReceipt receipt = tx.execute("revoke", registry(),
        wrapper().revoke(OnChain.uint64(statusListId), OnChain.uint64(statusIndex)).encodeFunctionCall());
    return result(statusListId, receipt);
  }

  /**
   * Revokes many indices of one list in one transaction. The indices are sorted and de-duplicated first,
   * so bits in the same 256-bit word cost one storage write. 1,000 indices take at most about 25 M gas
   * (every index in a different, untouched word), within a free-gas Besu block and the dev chain's limit.
   */
  public RevocationResult revokeBatch(long statusListId, Collection<Long> statusIndices) {
    if (statusIndices.isEmpty()) {
      throw new IllegalArgumentException("no indices to revoke");
    }
    List<BigInteger> sorted = new ArrayList<>();
    for (long index : new TreeSet<>(statusIndices)) {
      sorted.add(OnChain.uint64(index));
    }
    TransactionReceipt receipt = tx.execute("revokeBatch", registry(),
        wrapper().revokeBatch(OnChain.uint64(statusListId), sorted).encodeFunctionCall());
    return result(statusListId, receipt);
  }

  private RevocationResult result(long statusListId, TransactionReceipt receipt) {
    List<Long> changed = mine(StatusListRegistry.getStatusRevokedEvents(receipt)).stream()
        .map(e -> e.statusIndex.longValueExact()).toList();
    return new RevocationResult(statusListId, changed, receipt.getTransactionHash(),
        receipt.getBlockNumber().longValueExact(), receipt.getGasUsed().longValueExact());
  }

  /** Only events our registry emitted: a receipt could in principle carry logs of other contracts. */
  private <E extends org.web3j.protocol.core.methods.response.BaseEventResponse> List<E> mine(List<E> events) {
    String registry = registry();
    return events.stream()
        .filter(e -> e.log != null && registry.equals(e.log.getAddress().toLowerCase(Locale.ROOT)))
        .toList();
  }

  private String registry() {
    return ledger.addressBook().statusListRegistry();
  }

  private StatusListRegistry wrapper() {
    return ledger.statusListRegistryWrapper();
  }

  @Override
  public String toString() {
    return "IssuerClient[" + address() + "]";
  }
}
