package nl.noodrem.ledger;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.noodrem.domain.Oin;
import nl.noodrem.ledger.devchain.AnvilDevChain;
import nl.noodrem.ledger.devchain.devonly.DevOnlyAnvilAccounts;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.protocol.http.HttpService;

/** Fresh registries on a running Anvil, with the ministry's client and helpers for issuers and time. */
public final class ChainFixture implements AutoCloseable {

  public static final SecureRandom RANDOM = new SecureRandom();

  public final AnvilDevChain chain;
  public final AddressBook addressBook;
  public final long deploymentBlock;
  public final Ledger ledger;
  public final Credentials adminKey = DevOnlyAnvilAccounts.networkAdmin();
  public final NetworkAdminClient admin;

  private ChainFixture(AnvilDevChain chain, RegistryDeployer.Deployment deployment, LedgerOptions options) {
    this.chain = chain;
    this.addressBook = deployment.addressBook();
    this.deploymentBlock = deployment.deploymentBlock();
    this.ledger = Ledger.connect(chain.rpcUrl(), addressBook, options);
    this.admin = ledger.networkAdmin(adminKey);
  }

  public static ChainFixture deploy(AnvilDevChain chain) {
    return deploy(chain, LedgerOptions.DEFAULT);
  }

  public static ChainFixture deploy(AnvilDevChain chain, LedgerOptions options) {
    Credentials admin = DevOnlyAnvilAccounts.networkAdmin();
    RegistryDeployer.Deployment deployment = RegistryDeployer.deploy(chain.rpcUrl(), admin, admin.getAddress(), options);
    return new ChainFixture(chain, deployment, options);
  }

  public static byte[] randomPublicKey() {
    byte[] key = new byte[96];
    RANDOM.nextBytes(key);
    return key;
  }

  /** A key valid from an hour ago for a year, by chain time. */
  public IssuerAccreditation.KeySpec keySpec(String keyId) {
    Instant now = chainTime();
    return new IssuerAccreditation.KeySpec(KeyId.of(keyId), randomPublicKey(), now.minusSeconds(3600),
        now.plus(Duration.ofDays(365)));
  }

  /** Accredits an issuer whose account is Anvil account {@code accountIndex}, and returns its client. */
  public IssuerClient accredit(int accountIndex, Oin oin, String keyId) {
    return accredit(accountIndex, oin, keySpec(keyId));
  }

  public IssuerClient accredit(int accountIndex, Oin oin, IssuerAccreditation.KeySpec key) {
    Credentials account = DevOnlyAnvilAccounts.account(accountIndex);
    admin.accredit(new IssuerAccreditation(oin, "Gemeente " + oin.value().substring(16), account.getAddress(), key));
    return ledger.issuer(account);
  }

  public static Credentials account(int index) {
    return DevOnlyAnvilAccounts.account(index);
  }

  /** Timestamp of the latest block. */
  public Instant chainTime() {
    try {
      return Instant.ofEpochSecond(ledger.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send()
          .getBlock().getTimestamp().longValueExact());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Moves chain time forward and mines a block, so the next transactions see the new time. */
  public void advanceTime(Duration duration) {
    HttpService service = new HttpService(chain.rpcUrl());
    try {
      new Request<>("evm_increaseTime", List.of(duration.getSeconds()), service, VoidResponse.class).send();
      new Request<>("evm_mine", List.of(), service, VoidResponse.class).send();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends an arbitrary encoded call from {@code from}, bypassing the clients' argument checks. */
  public TransactionReceipt send(Credentials from, String contract, RemoteFunctionCall<?> call) {
    return ledger.transactor(from).execute("raw " + call.encodeFunctionCall().substring(0, 10), contract,
        call.encodeFunctionCall());
  }

  /** Asserts that the call is refused with exactly this custom error and these argument values. */
  public static void assertRevert(ThrowingCallable call, String errorName, Object... values) {
    assertThatThrownBy(call)
        .isInstanceOf(ContractRevertedException.class)
        .satisfies(e -> {
          ContractError error = ((ContractRevertedException) e).error();
          org.assertj.core.api.Assertions.assertThat(error.name()).as("error name of %s", error).isEqualTo(errorName);
          org.assertj.core.api.Assertions.assertThat(normalized(error.values())).as("arguments of %s", error)
              .isEqualTo(normalized(List.of(values)));
        });
  }

  /** Arrays compared by content; integers of any Java type as BigInteger. */
  private static List<Object> normalized(List<Object> values) {
    return values.stream().map(v -> {
      if (v instanceof byte[] bytes) {
        return (Object) ("0x" + java.util.HexFormat.of().formatHex(bytes));
      }
      if (v instanceof Integer || v instanceof Long) {
        return BigInteger.valueOf(((Number) v).longValue());
      }
      if (v instanceof String text && text.startsWith("0x")) {
        return text.toLowerCase(java.util.Locale.ROOT);
      }
      return v;
    }).toList();
  }

  public static BigInteger big(long value) {
    return BigInteger.valueOf(value);
  }

  public static byte[] oinBytes(Oin oin) {
    return OnChain.oin(oin);
  }

  public static BigInteger seconds(Instant instant) {
    return OnChain.seconds(instant);
  }

  @Override
  public void close() {
    ledger.close();
  }
}
