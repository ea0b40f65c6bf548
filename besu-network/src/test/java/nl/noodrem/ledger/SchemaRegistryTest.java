package nl.noodrem.ledger;

import static nl.noodrem.ledger.ChainFixture.assertRevert;
import static nl.noodrem.ledger.ChainFixture.big;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import nl.noodrem.ledger.contracts.SchemaRegistry;
import nl.noodrem.ledger.devchain.AnvilDevChain;
import nl.noodrem.ledger.testing.AnvilExtension;
import nl.noodrem.zkp.trust.SchemaRecord;
import nl.noodrem.zkp.trust.SchemaRecord.Attribute;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AnvilExtension.class)
class SchemaRegistryTest {

  ChainFixture fx;
  SchemaRegistry raw;
  String registry;
  byte[] hash;

  @BeforeEach
  void deploy(AnvilDevChain chain) throws Exception {
    fx = ChainFixture.deploy(chain);
    raw = fx.ledger.schemaRegistryWrapper();
    registry = fx.addressBook.schemaRegistry();
    hash = MessageDigest.getInstance("SHA-256").digest("{\"title\":\"DebtAssistanceCredential\"}".getBytes());
  }

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  void registerSchema_debtAssistanceV1_readsBackIdentical() throws Exception {
    SchemaRecord schema = DebtAssistanceSchema.v1(hash);

    fx.admin.registerSchema(schema);

    assertThat(fx.ledger.findSchema("DebtAssistanceCredential", 1)).contains(schema);
    assertThat(fx.ledger.schema("DebtAssistanceCredential", 1).orElseThrow().attributes())
        .extracting(Attribute::name)
        .containsExactly("bsn", "issuerOin", "assistanceType", "decisionDate", "helpStartDate", "validUntil",
            "statusListId", "statusIndex", "debtAmountCents", "creditorCount", "counsellorId");
    assertThat(fx.ledger.schemaVersions("DebtAssistanceCredential")).containsExactly(1);
    assertThat(fx.ledger.findSchema("DebtAssistanceCredential", 2)).isEmpty();
    assertThat(fx.ledger.findSchema("Other", 1)).isEmpty();
    assertThat(exists("DebtAssistanceCredential", 1)).isTrue();
    assertThat(exists("DebtAssistanceCredential", 2)).isFalse();
    assertThat(fx.ledger.rpc().call("issuerRegistry", registry, raw.issuerRegistry().encodeFunctionCall()))
        .endsWith(fx.addressBook.issuerRegistry().substring(2).toLowerCase(Locale.ROOT));
  }

  @Test
  void registerSchema_secondVersion_keepsBoth() throws Exception {
    fx.admin.registerSchema(DebtAssistanceSchema.v1(hash));
    SchemaRecord v2 = new SchemaRecord("DebtAssistanceCredential", 2,
        List.of(new Attribute("bsn", "string"), new Attribute("validUntil", "date")), hash);

    fx.admin.registerSchema(v2);

    assertThat(fx.ledger.schemaVersions("DebtAssistanceCredential")).containsExactly(1, 2);
    assertThat(fx.ledger.findSchema("DebtAssistanceCredential", 2)).contains(v2);
    assertThat(fx.ledger.findSchema("DebtAssistanceCredential", 1)).contains(DebtAssistanceSchema.v1(hash));
  }

  @Test
  void registerSchema_duplicate_isRefused() {
    fx.admin.registerSchema(DebtAssistanceSchema.v1(hash));
    byte[] otherHash = hash.clone();
    otherHash[0] ^= 1;

    assertRevert(() -> fx.admin.registerSchema(DebtAssistanceSchema.v1(otherHash)), "SchemaAlreadyRegistered",
        "DebtAssistanceCredential", big(1));
  }

  @Test
  void registerSchema_byNonAdmin_isRefused() {
    NetworkAdminClient stranger = fx.ledger.networkAdmin(ChainFixture.account(3));
    assertRevert(() -> stranger.registerSchema(DebtAssistanceSchema.v1(hash)), "NotNetworkAdmin",
        ChainFixture.account(3).getAddress().toLowerCase(Locale.ROOT));
  }

  @Test
  void registerSchema_malformed_refusalsNameTheError() {
    List<Attribute> one = List.of(new Attribute("bsn", "string"));
    assertRevert(() -> fx.admin.registerSchema(new SchemaRecord("", 1, one, hash)), "EmptySchemaId");
    assertRevert(() -> fx.admin.registerSchema(new SchemaRecord("S", 0, one, hash)), "InvalidSchemaVersion", big(0));
    assertRevert(() -> fx.admin.registerSchema(new SchemaRecord("S", 1, List.of(), hash)), "EmptySchema");
    assertRevert(() -> fx.admin.registerSchema(new SchemaRecord("S", 1,
        List.of(new Attribute("bsn", "string"), new Attribute("", "date")), hash)), "EmptyAttributeName", big(1));
    assertRevert(() -> fx.admin.registerSchema(new SchemaRecord("S", 1,
        List.of(new Attribute("a", "string"), new Attribute("b", "date"), new Attribute("a", "integer")), hash)),
        "DuplicateAttributeName", big(2), "a");
    assertRevert(() -> fx.admin.registerSchema(new SchemaRecord("S", 1, one, new byte[32])), "EmptyDocumentHash");
    assertRevert(() -> fx.send(fx.adminKey, registry, raw.registerSchema("S", big(1), List.of("a", "b"),
        List.of(BigInteger.ZERO), hash)), "AttributeCountMismatch", big(2), big(1));
    assertRevert(() -> fx.send(fx.adminKey, registry, raw.registerSchema("S", big(1), List.of("a"),
        List.of(big(4)), hash)), "InvalidAttributeType", big(0), big(4));
    assertThatThrownBy(() -> fx.admin.registerSchema(new SchemaRecord("S", 1,
        List.of(new Attribute("a", "float")), hash))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("float");
    assertThat(fx.ledger.schemaVersions("S")).isEmpty();
  }

  @Test
  void getSchema_unknown_isUnknownSchemaOnChain() {
    assertRevert(() -> fx.ledger.rpc().call("getSchema", registry,
        raw.getSchema("Nope", big(3)).encodeFunctionCall()), "UnknownSchema", "Nope", big(3));
  }

  private boolean exists(String id, int version) {
    String result = fx.ledger.rpc().call("schemaExists", registry, raw.schemaExists(id, big(version)).encodeFunctionCall());
    return new BigInteger(result.substring(2), 16).signum() != 0;
  }
}
