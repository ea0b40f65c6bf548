package nl.noodrem.features.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import nl.noodrem.domain.AssistanceType;
import nl.noodrem.domain.Bsn;
import nl.noodrem.domain.Oin;
import nl.noodrem.ledger.AccountKeys;
import nl.noodrem.ledger.AddressBook;
import nl.noodrem.ledger.IndexRange;
import nl.noodrem.ledger.Ledger;
import nl.noodrem.ledger.LedgerOptions;
import nl.noodrem.zkp.bbs.BbsCiphersuite;
import nl.noodrem.zkp.credential.BbsCredentialSigner;
import nl.noodrem.zkp.credential.DebtAssistanceCredentialV1;
import nl.noodrem.zkp.keys.EncryptedFileIssuerKeyStore;

/**
 * What the municipality's issuance would have put in many citizens' wallets, made in bulk for a test: status slots
 * allocated on the chain in one transaction with the municipality's account, credentials signed with its BBS key
 * from the cluster's issuer key store. (The issuance flow itself is covered by the acceptance features.)
 */
public final class Wallets implements AutoCloseable {

  private final Ledger ledger;
  private final Oin issuer;
  private final BbsCredentialSigner signer;
  private final org.web3j.crypto.Credentials issuerAccount;
  private final long statusListId;

  public Wallets(Cluster cluster, Oin issuer) throws Exception {
    var env = cluster.chainEnv();
    this.issuer = issuer;
    this.ledger = Ledger.connect(env.get("NOODREM_CHAIN_URL"), AddressBook.of(
        env.get("NOODREM_CHAIN_CONTRACTS_ISSUER_REGISTRY"), env.get("NOODREM_CHAIN_CONTRACTS_SCHEMA_REGISTRY"),
        env.get("NOODREM_CHAIN_CONTRACTS_STATUS_LIST_REGISTRY")), LedgerOptions.DEFAULT);
    this.issuerAccount = AccountKeys.fromFile(Path.of(env.get("NOODREM_CHAIN_ISSUERACCOUNTKEYFILES_" + issuer.value())));
    List<Long> lists = ledger.statusListsOf(issuer);
    this.statusListId = lists.get(lists.size() - 1);
    Path keystore = Path.of(env.get("NOODREM_CHAIN_ISSUER_KEYSTORE"));
    if (!Files.exists(keystore)) {
      throw new IllegalStateException("no issuer key store at " + keystore);
    }
    try (var keys = new EncryptedFileIssuerKeyStore(keystore,
        cluster.secret("NOODREM_CHAIN_ISSUER_KEYSTORE_PASSWORD").toCharArray())) {
      var keyId = keys.currentKeyId(issuer).orElseThrow();
      this.signer = new BbsCredentialSigner(BbsCiphersuite.BLS12_381_SHA_256, DebtAssistanceCredentialV1.SCHEMA,
          keys.load(keyId), Clock.systemUTC());
    }
  }

  public Ledger ledger() {
    return ledger;
  }

  public long statusListId() {
    return statusListId;
  }

  /** Allocates {@code count} consecutive slots in one transaction. */
  public IndexRange allocate(int count) {
    return ledger.issuer(issuerAccount).allocateIndices(statusListId, count);
  }

  public void revoke(List<Long> indices) {
    ledger.issuer(issuerAccount).revokeBatch(statusListId, indices);
  }

  /** A DebtAssistanceCredential for {@code bsn} on slot {@code index}, valid for a year, help started last month. */
  public String credential(Bsn bsn, long index) throws Exception {
    LocalDate today = LocalDate.now();
    var subject = new DebtAssistanceCredentialV1.Subject(bsn, issuer, AssistanceType.MSNP, today.minusMonths(2),
        today.minusMonths(1), today.plusMonths(12), statusListId, index, 1_250_000, 7, "SHV-CLUSTER-TEST");
    return signer.sign(subject.toAttributes()).toJson();
  }

  @Override
  public void close() {
    ledger.close();
  }
}
