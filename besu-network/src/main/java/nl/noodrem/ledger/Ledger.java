package nl.noodrem.ledger;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import nl.noodrem.domain.Oin;
import nl.noodrem.ledger.contracts.IssuerRegistry;
import nl.noodrem.ledger.contracts.SchemaRegistry;
import nl.noodrem.ledger.contracts.StatusListRegistry;
import nl.noodrem.ledger.tx.AccountTransactor;
import nl.noodrem.ledger.tx.RevertDecoder;
import nl.noodrem.ledger.tx.RpcCalls;
import nl.noodrem.zkp.trust.IssuerKeyDirectory;
import nl.noodrem.zkp.trust.IssuerKeyRecord;
import nl.noodrem.zkp.trust.RevocationStatusReader;
import nl.noodrem.zkp.trust.SchemaDirectory;
import nl.noodrem.zkp.trust.SchemaRecord;
import nl.noodrem.zkp.trust.TrustLookupException;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes20;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;

/**
 * The Noodrem ledger: reads of the three registries, and the factory of the clients that write them.
 *
 * <ul>
 *   <li>Anyone: issuers and their keys, schemas, status bits (single and bulk), the block number.
 *   <li>{@link #networkAdmin(Credentials)}: accreditation, suspension, key rotation, schema registration.
 *   <li>{@link #issuer(Credentials)}: an issuer's status lists: create, allocate indices, revoke.
 *   <li>{@link nl.noodrem.ledger.events.StatusEventSubscription}: revocation events, resumable.
 * </ul>
 *
 * <p>It is also the chain-backed {@link IssuerKeyDirectory}, {@link SchemaDirectory} and
 * {@link RevocationStatusReader} of zkp-service.
 *
 * <p>Thread-safe. Keeps one {@link AccountTransactor} per account, so every client for the same account
 * shares its nonce counter. Other processes (other app nodes, ADR 0006) may send from the same accounts; the
 * transactor then resynchronises its nonce and retries.
 * Failures are {@link LedgerException}s (the trust interfaces wrap them in {@link TrustLookupException}).
 */
public final class Ledger implements IssuerKeyDirectory, SchemaDirectory, RevocationStatusReader, AutoCloseable {

  private final Web3j web3j;
  private final boolean ownsWeb3j;
  private final AddressBook addressBook;
  private final LedgerOptions options;
  private final RpcCalls rpc;
  private final long chainId;
  private final BigInteger gasPrice;
  private final IssuerRegistry issuers;
  private final SchemaRegistry schemas;
  private final StatusListRegistry statusLists;
  private final Map<String, AccountTransactor> transactors = new ConcurrentHashMap<>();

  /** Connects to a node's JSON-RPC endpoint (HTTP) with default options. */
  public static Ledger connect(String rpcUrl, AddressBook addressBook) {
    return connect(rpcUrl, addressBook, LedgerOptions.DEFAULT);
  }

  /** Connects to a node's JSON-RPC endpoint (HTTP). The ledger owns the connection; close it when done. */
  public static Ledger connect(String rpcUrl, AddressBook addressBook, LedgerOptions options) {
    return new Ledger(web3j(rpcUrl, options), true, addressBook, options);
  }

  /** Uses a connection the caller owns (and closes). */
  public Ledger(Web3j web3j, AddressBook addressBook, LedgerOptions options) {
    this(web3j, false, addressBook, options);
  }

  private Ledger(Web3j web3j, boolean ownsWeb3j, AddressBook addressBook, LedgerOptions options) {
    this.web3j = Objects.requireNonNull(web3j, "web3j");
    this.ownsWeb3j = ownsWeb3j;
    this.addressBook = Objects.requireNonNull(addressBook, "addressBook");
    this.options = Objects.requireNonNull(options, "options");
    this.rpc = new RpcCalls(web3j, RevertDecoder.forRegistries(), options.retry());
    this.chainId = rpc.retrying("eth_chainId", () -> web3j.ethChainId().send()).getChainId().longValueExact();
    this.gasPrice = options.gasPrice() != null
        ? options.gasPrice()
        : rpc.retrying("eth_gasPrice", () -> web3j.ethGasPrice().send()).getGasPrice();
    // The wrappers only encode calls and decode answers here; sending and calling go through RpcCalls
    // and AccountTransactor, which decode custom errors and manage nonces.
    ReadonlyTransactionManager readOnly = new ReadonlyTransactionManager(web3j, null);
    StaticGasProvider noGas = new StaticGasProvider(BigInteger.ZERO, BigInteger.ZERO);
    this.issuers = IssuerRegistry.load(addressBook.issuerRegistry(), web3j, readOnly, noGas);
    this.schemas = SchemaRegistry.load(addressBook.schemaRegistry(), web3j, readOnly, noGas);
    this.statusLists = StatusListRegistry.load(addressBook.statusListRegistry(), web3j, readOnly, noGas);
  }

  static Web3j web3j(String rpcUrl, LedgerOptions options) {
    long millis = options.httpTimeout().toMillis();
    OkHttpClient http = new OkHttpClient.Builder()
        // keep enough idle connections for a few dozen concurrent callers instead of OkHttp's 5
        .connectionPool(new ConnectionPool(32, 5, TimeUnit.MINUTES))
        .connectTimeout(millis, TimeUnit.MILLISECONDS)
        .readTimeout(millis, TimeUnit.MILLISECONDS)
        .writeTimeout(millis, TimeUnit.MILLISECONDS)
        .build();
    return Web3j.build(new HttpService(rpcUrl, http));
  }

  // ---- clients that write ----

  /** The network admin's client (the ministry). Its account must be the registry's network admin. */
  public NetworkAdminClient networkAdmin(Credentials admin) {
    return new NetworkAdminClient(this, transactor(admin));
  }

  /** An issuer's client (a municipality). Its account must be the issuer's account in the registry. */
  public IssuerClient issuer(Credentials issuerAccount) {
    return new IssuerClient(this, transactor(issuerAccount));
  }

  AccountTransactor transactor(Credentials credentials) {
    return transactors.computeIfAbsent(credentials.getAddress().toLowerCase(Locale.ROOT),
        a -> new AccountTransactor(rpc, credentials, chainId, gasPrice));
  }

  // ---- chain ----

  /** The latest block number (for health checks). */
  public long blockNumber() {
    return rpc.retrying("eth_blockNumber", () -> web3j.ethBlockNumber().send()).getBlockNumber().longValueExact();
  }

  public long chainId() {
    return chainId;
  }

  public AddressBook addressBook() {
    return addressBook;
  }

  public LedgerOptions options() {
    return options;
  }

  // ---- issuers and keys ----

  /** The network admin's account address (lower case). */
  public String networkAdminAddress() {
    return ((String) view("networkAdmin", addressBook.issuerRegistry(), issuers.networkAdmin()).get(0).getValue())
        .toLowerCase(Locale.ROOT);
  }

  /** The issuer with this OIN; empty when none is accredited. */
  public Optional<IssuerInfo> issuer(Oin oin) {
    try {
      IssuerRegistry.IssuerView v = (IssuerRegistry.IssuerView)
          view("getIssuer", addressBook.issuerRegistry(), issuers.getIssuer(OnChain.oin(oin))).get(0);
      return Optional.of(new IssuerInfo(OnChain.oin(v.oin), v.name, v.account.toLowerCase(Locale.ROOT), v.active,
          OnChain.instant(v.accreditedAt), KeyId.fromBytes32(v.currentKeyId), v.keyCount.intValueExact()));
    } catch (ContractRevertedException e) {
      if (e.errorName().equals("UnknownIssuer")) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Every accredited issuer, suspended ones included, in accreditation order. */
  public List<IssuerInfo> issuers() {
    @SuppressWarnings("unchecked")
    List<Bytes20> oins = ((DynamicArray<Bytes20>)
        view("issuerOins", addressBook.issuerRegistry(), issuers.issuerOins()).get(0)).getValue();
    List<IssuerInfo> result = new ArrayList<>();
    for (Bytes20 oin : oins) {
      issuer(OnChain.oin(oin.getValue())).ifPresent(result::add);
    }
    return result;
  }

  /** The issuer whose writing account this is. */
  public Optional<Oin> issuerOfAccount(String account) {
    byte[] oin = (byte[]) view("issuerOfAccount", addressBook.issuerRegistry(), issuers.issuerOfAccount(account))
        .get(0).getValue();
    return isZero(oin) ? Optional.empty() : Optional.of(OnChain.oin(oin));
  }

  /** One key by id, current or historical; empty when unknown. */
  public Optional<IssuerKey> key(KeyId keyId) {
    try {
      IssuerRegistry.IssuerKey k = (IssuerRegistry.IssuerKey)
          view("getKey", addressBook.issuerRegistry(), issuers.getKey(keyId.toBytes32())).get(0);
      return Optional.of(toKey(k));
    } catch (ContractRevertedException e) {
      if (e.errorName().equals("UnknownKey")) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** All keys of an issuer, oldest first, the current one last. */
  public List<IssuerKey> keyHistory(Oin oin) {
    @SuppressWarnings("unchecked")
    List<Bytes32> ids = ((DynamicArray<Bytes32>)
        view("keyIdsOf", addressBook.issuerRegistry(), issuers.keyIdsOf(OnChain.oin(oin))).get(0)).getValue();
    List<IssuerKey> keys = new ArrayList<>();
    for (Bytes32 id : ids) {
      keys.add(key(KeyId.fromBytes32(id.getValue())).orElseThrow(
          () -> new LedgerUnavailableException("key listed for " + oin + " but not readable")));
    }
    return keys;
  }

  @Override
  public Optional<IssuerKeyRecord> findKey(String keyId) throws TrustLookupException {
    try {
      KeyId id;
      try {
        id = KeyId.of(keyId);
      } catch (IllegalArgumentException e) {
        return Optional.empty(); // cannot be on chain
      }
      Optional<IssuerKey> key = key(id);
      if (key.isEmpty()) {
        return Optional.empty();
      }
      IssuerKey k = key.get();
      IssuerInfo issuer = issuer(k.issuerOin()).orElseThrow(
          () -> new LedgerUnavailableException("key " + keyId + " names unknown issuer " + k.issuerOin()));
      return Optional.of(new IssuerKeyRecord(k.keyId().value(), k.issuerOin().value(), issuer.name(),
          k.publicKey(), k.validFrom(), k.validUntil(), issuer.active(), k.revoked()));
    } catch (LedgerException | IllegalArgumentException e) {
      throw new TrustLookupException("issuer key " + keyId + " could not be read from the chain: " + e.getMessage(), e);
    }
  }

  // ---- schemas ----

  /** A registered schema; empty when (id, version) is unknown. */
  public Optional<SchemaRecord> schema(String schemaId, int version) {
    try {
      SchemaRegistry.Schema s = (SchemaRegistry.Schema) view("getSchema", addressBook.schemaRegistry(),
          schemas.getSchema(schemaId, BigInteger.valueOf(version))).get(0);
      List<SchemaRecord.Attribute> attributes = new ArrayList<>();
      for (int i = 0; i < s.attributeNames.size(); i++) {
        attributes.add(new SchemaRecord.Attribute(s.attributeNames.get(i),
            AttributeTypes.name(s.attributeTypes.get(i).intValueExact())));
      }
      return Optional.of(new SchemaRecord(s.schemaId, s.version.intValueExact(), attributes, s.documentHash));
    } catch (ContractRevertedException e) {
      if (e.errorName().equals("UnknownSchema")) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The registered versions of a schema id, in registration order. */
  public List<Integer> schemaVersions(String schemaId) {
    @SuppressWarnings("unchecked")
    List<Uint32> versions = ((DynamicArray<Uint32>)
        view("versionsOf", addressBook.schemaRegistry(), schemas.versionsOf(schemaId)).get(0)).getValue();
    return versions.stream().map(v -> v.getValue().intValueExact()).toList();
  }

  @Override
  public Optional<SchemaRecord> findSchema(String schemaId, int version) throws TrustLookupException {
    try {
      return schema(schemaId, version);
    } catch (LedgerException | IllegalArgumentException e) {
      throw new TrustLookupException("schema " + schemaId + " v" + version + " could not be read: " + e.getMessage(), e);
    }
  }

  // ---- status lists ----

  /** A status list's owner and counters. @throws ContractRevertedException UnknownStatusList */
  public StatusListInfo statusList(long statusListId) {
    StatusListRegistry.StatusList l = (StatusListRegistry.StatusList) view("getStatusList",
        addressBook.statusListRegistry(), statusLists.getStatusList(OnChain.uint64(statusListId))).get(0);
    return new StatusListInfo(l.statusListId.longValueExact(), OnChain.oin(l.issuerOin), l.capacity.longValueExact(),
        l.allocated.longValueExact(), l.revokedCount.longValueExact(), OnChain.instant(l.createdAt));
  }

  /** The ids of an issuer's status lists, oldest first. */
  public List<Long> statusListsOf(Oin oin) {
    @SuppressWarnings("unchecked")
    List<Uint64> ids = ((DynamicArray<Uint64>) view("statusListsOf", addressBook.statusListRegistry(),
        statusLists.statusListsOf(OnChain.oin(oin))).get(0)).getValue();
    return ids.stream().map(v -> v.getValue().longValueExact()).toList();
  }

  /**
   * One status bit.
   *
   * @throws ContractRevertedException UnknownStatusList or IndexOutOfRange
   */
  public boolean readStatus(long statusListId, long statusIndex) {
    return (Boolean) view("isRevoked", addressBook.statusListRegistry(),
        statusLists.isRevoked(OnChain.uint64(statusListId), OnChain.uint64(statusIndex))).get(0).getValue();
  }

  /**
   * Bits {@code fromIndex .. fromIndex+count-1} of a list, read by word ranges of
   * {@link LedgerOptions#wordsPerCall()} words: 10,000 bits take 1 call at the default 64 words.
   *
   * @throws ContractRevertedException UnknownStatusList, or WordRangeOutOfBounds past the list's end
   */
  public StatusBits readStatuses(long statusListId, long fromIndex, long count) {
    if (fromIndex < 0 || count < 1 || count > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("need fromIndex >= 0 and 1 <= count <= 2^31-1");
    }
    long firstWord = fromIndex >>> 8;
    long lastWord = (fromIndex + count - 1) >>> 8;
    BitSet bits = new BitSet((int) count);
    int calls = 0;
    for (long word = firstWord; word <= lastWord; word += options.wordsPerCall()) {
      long words = Math.min(options.wordsPerCall(), lastWord - word + 1);
      @SuppressWarnings("unchecked")
      List<Uint256> chunk = ((DynamicArray<Uint256>) view("getWords", addressBook.statusListRegistry(),
          statusLists.getWords(OnChain.uint64(statusListId), OnChain.uint64(word), OnChain.uint64(words))).get(0))
          .getValue();
      calls++;
      for (int w = 0; w < chunk.size(); w++) {
        BigInteger value = chunk.get(w).getValue();
        if (value.signum() == 0) {
          continue;
        }
        long base = (word + w) << 8;
        for (int bit = value.getLowestSetBit(); bit >= 0 && bit < 256; bit = nextSetBit(value, bit + 1)) {
          long index = base + bit;
          if (index >= fromIndex && index < fromIndex + count) {
            bits.set((int) (index - fromIndex));
          }
        }
      }
    }
    return new StatusBits(statusListId, fromIndex, count, bits, calls);
  }

  private static int nextSetBit(BigInteger value, int from) {
    for (int i = from; i < 256; i++) {
      if (value.testBit(i)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public boolean isRevoked(long statusListId, long statusIndex) throws TrustLookupException {
    try {
      return readStatus(statusListId, statusIndex);
    } catch (LedgerException | IllegalArgumentException e) {
      throw new TrustLookupException("status " + statusListId + "/" + statusIndex + " could not be read: "
          + e.getMessage(), e);
    }
  }

  // ---- plumbing ----

  RpcCalls rpc() {
    return rpc;
  }

  /** The underlying connection, for callers that need raw JSON-RPC (the event subscription, tests). */
  public Web3j web3j() {
    return web3j;
  }

  IssuerRegistry issuerRegistryWrapper() {
    return issuers;
  }

  SchemaRegistry schemaRegistryWrapper() {
    return schemas;
  }

  StatusListRegistry statusListRegistryWrapper() {
    return statusLists;
  }

  @SuppressWarnings("rawtypes")
  private List<Type> view(String operation, String contract, RemoteFunctionCall<?> call) {
    String result = rpc.call(operation, contract, call.encodeFunctionCall());
    try {
      List<Type> values = call.decodeFunctionResponse(result);
      if (values.isEmpty()) {
        throw new LedgerUnavailableException(operation + ": answer from " + contract + " does not decode");
      }
      return values;
    } catch (RuntimeException e) {
      if (e instanceof LedgerException le) {
        throw le;
      }
      throw new LedgerUnavailableException(operation + ": answer from " + contract + " does not decode", e);
    }
  }

  static IssuerKey toKey(IssuerRegistry.IssuerKey k) {
    Instant retiredAt = OnChain.instant(k.retiredAt);
    return new IssuerKey(KeyId.fromBytes32(k.keyId), OnChain.oin(k.issuerOin), k.publicKey,
        OnChain.instant(k.validFrom), OnChain.instant(k.validUntil), OnChain.instant(k.addedAt),
        k.retiredAt.signum() == 0 ? Optional.empty() : Optional.of(retiredAt), k.revoked);
  }

  private static boolean isZero(byte[] bytes) {
    for (byte b : bytes) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    if (ownsWeb3j) {
      web3j.shutdown();
    }
  }

  @Override
  public String toString() {
    return "Ledger[chain " + chainId + ", " + addressBook.addresses() + "]";
  }
}
