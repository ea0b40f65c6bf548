package nl.noodrem.ledger.devchain;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import nl.noodrem.domain.Oin;
import nl.noodrem.ledger.AddressBook;
import nl.noodrem.ledger.ChainFixture;
import nl.noodrem.ledger.DebtAssistanceSchema;
import nl.noodrem.ledger.IssuerInfo;
import nl.noodrem.ledger.KeyId;
import nl.noodrem.ledger.Ledger;
import nl.noodrem.ledger.LedgerOptions;
import nl.noodrem.ledger.devchain.devonly.DevOnlyAnvilAccounts;
import nl.noodrem.ledger.testing.AnvilExtension;
import nl.noodrem.zkp.trust.IssuerKeyRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AnvilExtension.class)
class DevChainBootstrapTest {

  static final Oin UTRECHT = Oin.of("00000001002220647000");
  static final Oin AMSTERDAM = Oin.of("00000001002564440000");

  @Test
  void bootstrap_twoMunicipalities_deploysAccreditsRegistersAndCreatesLists(AnvilDevChain chain) throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    byte[] utrechtKey = ChainFixture.randomPublicKey();
    List<DemoIssuer> demo = List.of(
        new DemoIssuer(UTRECHT, "Gemeente Utrecht", KeyId.of("00000001002220647000-k1"), utrechtKey,
            now.minus(1, ChronoUnit.DAYS), now.plus(365, ChronoUnit.DAYS)),
        new DemoIssuer(AMSTERDAM, "Gemeente Amsterdam", KeyId.of("00000001002564440000-k1"),
            ChainFixture.randomPublicKey(), now.minus(1, ChronoUnit.DAYS), now.plus(365, ChronoUnit.DAYS)));
    byte[] schemaHash = MessageDigest.getInstance("SHA-256").digest("schema".getBytes());

    DevChainDeployment deployment = DevChainBootstrap.bootstrap(chain.rpcUrl(), demo, schemaHash, LedgerOptions.DEFAULT);

    AddressBook book = deployment.addressBook();
    assertThat(book.addresses()).containsOnlyKeys("IssuerRegistry", "SchemaRegistry", "StatusListRegistry");
    assertThat(deployment.issuers()).extracting(DevChainDeployment.Issuer::account)
        .containsExactly(DevOnlyAnvilAccounts.account(1), DevOnlyAnvilAccounts.account(2));
    try (Ledger ledger = Ledger.connect(chain.rpcUrl(), book)) {
      assertThat(ledger.blockNumber()).isGreaterThan(deployment.deploymentBlock());
      assertThat(ledger.networkAdminAddress()).isEqualTo(DevOnlyAnvilAccounts.networkAdmin().getAddress());
      assertThat(ledger.issuers()).extracting(IssuerInfo::oin).containsExactly(UTRECHT, AMSTERDAM);
      assertThat(ledger.issuer(AMSTERDAM).orElseThrow().account())
          .isEqualTo(DevOnlyAnvilAccounts.account(2).getAddress().toLowerCase(Locale.ROOT));
      IssuerKeyRecord key = ledger.findKey("00000001002220647000-k1").orElseThrow();
      assertThat(key.publicKey()).isEqualTo(utrechtKey);
      assertThat(key.issuerName()).isEqualTo("Gemeente Utrecht");
      assertThat(key.usableAt(Instant.now())).isTrue();
      assertThat(ledger.findSchema(DebtAssistanceSchema.SCHEMA_ID, 1)).contains(DebtAssistanceSchema.v1(schemaHash));
      for (DevChainDeployment.Issuer issuer : deployment.issuers()) {
        assertThat(ledger.statusListsOf(issuer.oin())).containsExactly(issuer.statusListId());
        assertThat(ledger.statusList(issuer.statusListId()).capacity())
            .isEqualTo(DevChainBootstrap.DEFAULT_STATUS_LIST_CAPACITY);
      }
    }
  }

  @Test
  void devOnlyAccounts_areAnvilsPublishedAccounts() {
    assertThat(DevOnlyAnvilAccounts.account(0).getAddress()).isEqualTo("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
    assertThat(DevOnlyAnvilAccounts.account(1).getAddress()).isEqualTo("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
    assertThat(DevOnlyAnvilAccounts.account(9).getAddress()).isEqualTo("0xa0ee7a142d267c1f36714e4a8f75612f20a79720");
  }
}
