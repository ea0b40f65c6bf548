package nl.noodrem.ledger;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import nl.noodrem.domain.Oin;
import nl.noodrem.ledger.tx.AccountTransactor;
import nl.noodrem.zkp.trust.SchemaRecord;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * What the network admin (the ministry) writes: issuer accreditation and keys, schemas.
 * Every method waits for the transaction to be mined. Refusals throw {@link ContractRevertedException}
 * naming the custom error (e.g. {@code NotNetworkAdmin} when this account is not the admin).
 * Thread-safe; obtained from {@link Ledger#networkAdmin(org.web3j.crypto.Credentials)}.
 */
public final class NetworkAdminClient {

  private final Ledger ledger;
  private final AccountTransactor tx;

  NetworkAdminClient(Ledger ledger, AccountTransactor tx) {
    this.ledger = ledger;
    this.tx = tx;
  }

  /** This client's account. */
  public String address() {
    return tx.address();
  }

  public TransactionOutcome accredit(IssuerAccreditation accreditation) {
    IssuerAccreditation.KeySpec key = accreditation.key();
    return send("accreditIssuer", ledger.addressBook().issuerRegistry(),
        ledger.issuerRegistryWrapper().accreditIssuer(OnChain.oin(accreditation.oin()), accreditation.name(),
            accreditation.account(), key.keyId().toBytes32(), key.publicKey(), OnChain.seconds(key.validFrom()),
            OnChain.seconds(key.validUntil())));
  }

  public TransactionOutcome suspend(Oin oin) {
    return send("suspendIssuer", ledger.addressBook().issuerRegistry(),
        ledger.issuerRegistryWrapper().suspendIssuer(OnChain.oin(oin)));
  }

  public TransactionOutcome reinstate(Oin oin) {
    return send("reinstateIssuer", ledger.addressBook().issuerRegistry(),
        ledger.issuerRegistryWrapper().reinstateIssuer(OnChain.oin(oin)));
  }

  /** Moves the issuer's write right to another account; its status lists stay its own. */
  public TransactionOutcome changeIssuerAccount(Oin oin, String newAccount) {
    return send("changeIssuerAccount", ledger.addressBook().issuerRegistry(),
        ledger.issuerRegistryWrapper().changeIssuerAccount(OnChain.oin(oin), newAccount));
  }

  /** Makes {@code key} the issuer's current key; the previous one stays verifiable until it expires. */
  public TransactionOutcome rotateKey(Oin oin, IssuerAccreditation.KeySpec key) {
    return send("rotateKey", ledger.addressBook().issuerRegistry(),
        ledger.issuerRegistryWrapper().rotateKey(OnChain.oin(oin), key.keyId().toBytes32(), key.publicKey(),
            OnChain.seconds(key.validFrom()), OnChain.seconds(key.validUntil())));
  }

  /** Marks a key compromised: verifiers must reject everything it signed. */
  public TransactionOutcome revokeKey(KeyId keyId) {
    return send("revokeKey", ledger.addressBook().issuerRegistry(),
        ledger.issuerRegistryWrapper().revokeKey(keyId.toBytes32()));
  }

  public TransactionOutcome transferNetworkAdmin(String newAdmin) {
    return send("transferNetworkAdmin", ledger.addressBook().issuerRegistry(),
        ledger.issuerRegistryWrapper().transferNetworkAdmin(newAdmin));
  }

  /**
   * Registers a schema (create-only). Attribute types are zkp-service's names: {@code string},
   * {@code integer}, {@code date}, {@code enum}.
   */
  public TransactionOutcome registerSchema(SchemaRecord schema) {
    List<String> names = new ArrayList<>();
    List<BigInteger> types = new ArrayList<>();
    for (SchemaRecord.Attribute attribute : schema.attributes()) {
      names.add(attribute.name());
      types.add(BigInteger.valueOf(AttributeTypes.code(attribute.type())));
    }
    return send("registerSchema", ledger.addressBook().schemaRegistry(),
        ledger.schemaRegistryWrapper().registerSchema(schema.schemaId(), BigInteger.valueOf(schema.version()),
            names, types, schema.documentHash()));
  }

  private TransactionOutcome send(String operation, String contract, RemoteFunctionCall<TransactionReceipt> call) {
    TransactionReceipt receipt = tx.execute(operation, contract, call.encodeFunctionCall());
    return new TransactionOutcome(receipt.getTransactionHash(), receipt.getBlockNumber().longValueExact(),
        receipt.getGasUsed().longValueExact());
  }

  @Override
  public String toString() {
    return "NetworkAdminClient[" + address() + "]";
  }
}
