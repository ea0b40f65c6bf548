package nl.noodrem.ledger;

import static nl.noodrem.ledger.ChainFixture.assertRevert;
import static nl.noodrem.ledger.ChainFixture.big;
import static nl.noodrem.ledger.ChainFixture.oinBytes;
import static nl.noodrem.ledger.ChainFixture.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import nl.noodrem.domain.Oin;
import nl.noodrem.ledger.contracts.IssuerRegistry;
import nl.noodrem.ledger.devchain.AnvilDevChain;
import nl.noodrem.ledger.testing.AnvilExtension;
import nl.noodrem.zkp.trust.IssuerKeyRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.crypto.Credentials;

@ExtendWith(AnvilExtension.class)
class IssuerRegistryTest {

  static final Oin UTRECHT = Oin.of("00000001002220647000");
  static final Oin AMSTERDAM = Oin.of("00000001002564440000");

  ChainFixture fx;
  IssuerRegistry raw;
  String registry;

  @BeforeEach
  void deploy(AnvilDevChain chain) {
    fx = ChainFixture.deploy(chain);
    raw = fx.ledger.issuerRegistryWrapper();
    registry = fx.addressBook.issuerRegistry();
  }

  @AfterEach
  void close() {
    fx.close();
  }

  private String address(int account) {
    return ChainFixture.account(account).getAddress().toLowerCase(Locale.ROOT);
  }

  @Test
  void accredit_byAdmin_issuerAndKeyReadable() {
    IssuerAccreditation.KeySpec key = fx.keySpec("00000001002220647000-k1");
    fx.admin.accredit(new IssuerAccreditation(UTRECHT, "Gemeente Utrecht", address(1), key));

    IssuerInfo issuer = fx.ledger.issuer(UTRECHT).orElseThrow();
    assertThat(issuer.name()).isEqualTo("Gemeente Utrecht");
    assertThat(issuer.account()).isEqualTo(address(1));
    assertThat(issuer.active()).isTrue();
    assertThat(issuer.currentKeyId()).isEqualTo(KeyId.of("00000001002220647000-k1"));
    assertThat(issuer.keyCount()).isEqualTo(1);
    assertThat(issuer.accreditedAt()).isAfter(key.validFrom());

    IssuerKey stored = fx.ledger.key(key.keyId()).orElseThrow();
    assertThat(stored.publicKey()).isEqualTo(key.publicKey());
    assertThat(stored.issuerOin()).isEqualTo(UTRECHT);
    assertThat(stored.validFrom()).isEqualTo(key.validFrom());
    assertThat(stored.validUntil()).isEqualTo(key.validUntil());
    assertThat(stored.retiredAt()).isEmpty();
    assertThat(stored.revoked()).isFalse();

    assertThat(fx.ledger.issuers()).containsExactly(issuer);
    assertThat(fx.ledger.issuerOfAccount(address(1))).contains(UTRECHT);
    assertThat(fx.ledger.issuerOfAccount(address(2))).isEmpty();
    assertThat(fx.ledger.networkAdminAddress()).isEqualTo(address(0));
  }

  @Test
  void findKey_accreditedKey_isTheTrustRecordZkpExpects() throws Exception {
    IssuerAccreditation.KeySpec key = fx.keySpec("00000001002220647000-k1");
    fx.admin.accredit(new IssuerAccreditation(UTRECHT, "Gemeente Utrecht", address(1), key));

    IssuerKeyRecord record = fx.ledger.findKey("00000001002220647000-k1").orElseThrow();
    assertThat(record).isEqualTo(new IssuerKeyRecord("00000001002220647000-k1", UTRECHT.value(), "Gemeente Utrecht",
        key.publicKey(), key.validFrom(), key.validUntil(), true, false));
    assertThat(record.usableAt(fx.chainTime())).isTrue();
    assertThat(fx.ledger.findKey("00000001002220647000-k9")).isEmpty();
    assertThat(fx.ledger.findKey("not a key id")).isEmpty();
  }

  @Test
  void accredit_refusals_nameTheError() {
    IssuerAccreditation.KeySpec key = fx.keySpec("k1");
    Credentials stranger = ChainFixture.account(5);
    assertRevert(() -> fx.ledger.networkAdmin(stranger).accredit(
        new IssuerAccreditation(UTRECHT, "Utrecht", address(1), key)), "NotNetworkAdmin", address(5));

    byte[] badOin = "0000000100222064700X".getBytes(StandardCharsets.US_ASCII);
    assertRevert(() -> fx.send(fx.adminKey, registry, raw.accreditIssuer(badOin, "x", address(1),
        key.keyId().toBytes32(), key.publicKey(), seconds(key.validFrom()), seconds(key.validUntil()))),
        "InvalidOin", badOin);
    assertRevert(() -> fx.admin.accredit(new IssuerAccreditation(UTRECHT, "", address(1), key)), "EmptyIssuerName");
    assertRevert(() -> fx.admin.accredit(new IssuerAccreditation(UTRECHT, "Utrecht",
        "0x0000000000000000000000000000000000000000", key)), "InvalidAccount",
        "0x0000000000000000000000000000000000000000");
    assertRevert(() -> fx.send(fx.adminKey, registry, raw.accreditIssuer(oinBytes(UTRECHT), "Utrecht", address(1),
        new byte[32], key.publicKey(), seconds(key.validFrom()), seconds(key.validUntil()))),
        "InvalidKeyId", new byte[32]);
    IssuerAccreditation.KeySpec shortKey = new IssuerAccreditation.KeySpec(KeyId.of("k1"), new byte[48],
        key.validFrom(), key.validUntil());
    assertRevert(() -> fx.admin.accredit(new IssuerAccreditation(UTRECHT, "Utrecht", address(1), shortKey)),
        "InvalidPublicKeyLength", big(48));
    IssuerAccreditation.KeySpec backwards = new IssuerAccreditation.KeySpec(KeyId.of("k1"), key.publicKey(),
        key.validUntil(), key.validFrom());
    assertRevert(() -> fx.admin.accredit(new IssuerAccreditation(UTRECHT, "Utrecht", address(1), backwards)),
        "InvalidValidity", seconds(key.validUntil()), seconds(key.validFrom()));
    Instant past = fx.chainTime().minusSeconds(60);
    IssuerAccreditation.KeySpec expired = new IssuerAccreditation.KeySpec(KeyId.of("k1"), key.publicKey(),
        past.minusSeconds(3600), past);
    assertRevert(() -> fx.admin.accredit(new IssuerAccreditation(UTRECHT, "Utrecht", address(1), expired)),
        "InvalidValidity", seconds(past.minusSeconds(3600)), seconds(past));

    fx.admin.accredit(new IssuerAccreditation(UTRECHT, "Utrecht", address(1), key));
    assertRevert(() -> fx.admin.accredit(new IssuerAccreditation(UTRECHT, "Utrecht", address(2), fx.keySpec("k2"))),
        "IssuerAlreadyAccredited", oinBytes(UTRECHT));
    assertRevert(() -> fx.admin.accredit(new IssuerAccreditation(AMSTERDAM, "Amsterdam", address(1), fx.keySpec("k2"))),
        "AccountAlreadyAssigned", address(1), oinBytes(UTRECHT));
    assertRevert(() -> fx.admin.accredit(new IssuerAccreditation(AMSTERDAM, "Amsterdam", address(2), fx.keySpec("k1"))),
        "KeyIdAlreadyUsed", KeyId.of("k1").toBytes32());
    assertThat(fx.ledger.issuers()).hasSize(1);
  }

  @Test
  void suspendAndReinstate_flipActive_andRefuseRepeats() throws Exception {
    fx.accredit(1, UTRECHT, "k1");

    fx.admin.suspend(UTRECHT);
    assertThat(fx.ledger.issuer(UTRECHT).orElseThrow().active()).isFalse();
    assertRevert(() -> fx.admin.suspend(UTRECHT), "IssuerSuspended", oinBytes(UTRECHT));
    assertThat(fx.ledger.findKey("k1").orElseThrow().issuerActive()).isFalse();

    fx.admin.reinstate(UTRECHT);
    assertThat(fx.ledger.issuer(UTRECHT).orElseThrow().active()).isTrue();
    assertRevert(() -> fx.admin.reinstate(UTRECHT), "IssuerNotSuspended", oinBytes(UTRECHT));
  }

  @Test
  void adminOperations_unknownIssuer_areRefused() {
    assertRevert(() -> fx.admin.suspend(UTRECHT), "UnknownIssuer", oinBytes(UTRECHT));
    assertRevert(() -> fx.admin.reinstate(UTRECHT), "UnknownIssuer", oinBytes(UTRECHT));
    assertRevert(() -> fx.admin.rotateKey(UTRECHT, fx.keySpec("k1")), "UnknownIssuer", oinBytes(UTRECHT));
    assertRevert(() -> fx.admin.changeIssuerAccount(UTRECHT, address(3)), "UnknownIssuer", oinBytes(UTRECHT));
    assertRevert(() -> fx.admin.revokeKey(KeyId.of("k1")), "UnknownKey", KeyId.of("k1").toBytes32());
    assertThat(fx.ledger.issuer(UTRECHT)).isEmpty();
    assertThat(fx.ledger.key(KeyId.of("k1"))).isEmpty();
    assertRevert(() -> fx.ledger.keyHistory(UTRECHT), "UnknownIssuer", oinBytes(UTRECHT));
  }

  @Test
  void adminOperations_byNonAdmin_areRefused() {
    fx.accredit(1, UTRECHT, "k1");
    NetworkAdminClient municipality = fx.ledger.networkAdmin(ChainFixture.account(1));
    assertRevert(() -> municipality.suspend(UTRECHT), "NotNetworkAdmin", address(1));
    assertRevert(() -> municipality.reinstate(UTRECHT), "NotNetworkAdmin", address(1));
    assertRevert(() -> municipality.rotateKey(UTRECHT, fx.keySpec("k2")), "NotNetworkAdmin", address(1));
    assertRevert(() -> municipality.revokeKey(KeyId.of("k1")), "NotNetworkAdmin", address(1));
    assertRevert(() -> municipality.changeIssuerAccount(UTRECHT, address(1)), "NotNetworkAdmin", address(1));
    assertRevert(() -> municipality.transferNetworkAdmin(address(1)), "NotNetworkAdmin", address(1));
  }

  @Test
  void rotateKey_keepsHistory_oldKeyStillVerifiesUntilItsExpiry() throws Exception {
    IssuerAccreditation.KeySpec first = fx.keySpec("utrecht-k1");
    fx.admin.accredit(new IssuerAccreditation(UTRECHT, "Utrecht", address(1), first));
    IssuerAccreditation.KeySpec second = fx.keySpec("utrecht-k2");

    fx.admin.rotateKey(UTRECHT, second);

    IssuerInfo issuer = fx.ledger.issuer(UTRECHT).orElseThrow();
    assertThat(issuer.currentKeyId()).isEqualTo(KeyId.of("utrecht-k2"));
    assertThat(issuer.keyCount()).isEqualTo(2);
    assertThat(fx.ledger.keyHistory(UTRECHT)).extracting(IssuerKey::keyId)
        .containsExactly(KeyId.of("utrecht-k1"), KeyId.of("utrecht-k2"));
    IssuerKey old = fx.ledger.key(KeyId.of("utrecht-k1")).orElseThrow();
    assertThat(old.retiredAt()).isPresent();
    assertThat(old.validUntil()).isEqualTo(first.validUntil());
    assertThat(fx.ledger.findKey("utrecht-k1").orElseThrow().usableAt(fx.chainTime())).isTrue();
    assertThat(fx.ledger.key(KeyId.of("utrecht-k2")).orElseThrow().retiredAt()).isEmpty();

    assertRevert(() -> fx.admin.rotateKey(UTRECHT, fx.keySpec("utrecht-k1")), "KeyIdAlreadyUsed",
        KeyId.of("utrecht-k1").toBytes32());
    IssuerAccreditation.KeySpec bad = new IssuerAccreditation.KeySpec(KeyId.of("utrecht-k3"), new byte[97],
        second.validFrom(), second.validUntil());
    assertRevert(() -> fx.admin.rotateKey(UTRECHT, bad), "InvalidPublicKeyLength", big(97));
    IssuerAccreditation.KeySpec empty = new IssuerAccreditation.KeySpec(KeyId.of("utrecht-k3"),
        second.publicKey(), second.validFrom(), second.validFrom());
    assertRevert(() -> fx.admin.rotateKey(UTRECHT, empty), "InvalidValidity", seconds(second.validFrom()),
        seconds(second.validFrom()));
    assertRevert(() -> fx.send(fx.adminKey, registry, raw.rotateKey(oinBytes(UTRECHT), new byte[32],
        second.publicKey(), seconds(second.validFrom()), seconds(second.validUntil()))), "InvalidKeyId", new byte[32]);
  }

  @Test
  void revokeKey_marksItRevoked_andRefusesTwice() throws Exception {
    fx.accredit(1, UTRECHT, "k1");

    fx.admin.revokeKey(KeyId.of("k1"));

    assertThat(fx.ledger.key(KeyId.of("k1")).orElseThrow().revoked()).isTrue();
    IssuerKeyRecord record = fx.ledger.findKey("k1").orElseThrow();
    assertThat(record.keyRevoked()).isTrue();
    assertThat(record.usableAt(fx.chainTime())).isFalse();
    assertRevert(() -> fx.admin.revokeKey(KeyId.of("k1")), "KeyAlreadyRevoked", KeyId.of("k1").toBytes32());
  }

  @Test
  void changeIssuerAccount_movesTheAccount_andRefusesTakenOrZero() {
    fx.accredit(1, UTRECHT, "k1");
    fx.accredit(2, AMSTERDAM, "k2");

    fx.admin.changeIssuerAccount(UTRECHT, address(3));

    assertThat(fx.ledger.issuer(UTRECHT).orElseThrow().account()).isEqualTo(address(3));
    assertThat(fx.ledger.issuerOfAccount(address(3))).contains(UTRECHT);
    assertThat(fx.ledger.issuerOfAccount(address(1))).isEmpty();
    assertRevert(() -> fx.admin.changeIssuerAccount(UTRECHT, address(2)), "AccountAlreadyAssigned", address(2),
        oinBytes(AMSTERDAM));
    assertRevert(() -> fx.admin.changeIssuerAccount(UTRECHT, "0x0000000000000000000000000000000000000000"),
        "InvalidAccount", "0x0000000000000000000000000000000000000000");
  }

  @Test
  void transferNetworkAdmin_movesTheRole() {
    fx.admin.transferNetworkAdmin(address(4));

    assertThat(fx.ledger.networkAdminAddress()).isEqualTo(address(4));
    assertRevert(() -> fx.admin.suspend(UTRECHT), "NotNetworkAdmin", address(0));
    NetworkAdminClient newAdmin = fx.ledger.networkAdmin(ChainFixture.account(4));
    assertRevert(() -> newAdmin.transferNetworkAdmin("0x0000000000000000000000000000000000000000"),
        "InvalidAccount", "0x0000000000000000000000000000000000000000");
    newAdmin.accredit(new IssuerAccreditation(UTRECHT, "Utrecht", address(1), fx.keySpec("k1")));
    assertThat(fx.ledger.issuer(UTRECHT)).isPresent();
  }

  @Test
  void requireIssuing_reportsTheIssuersState() {
    assertRevert(() -> fx.ledger.rpc().call("requireIssuing", registry,
        raw.requireIssuing(address(1)).encodeFunctionCall()), "NotAnIssuer", address(1));
    fx.accredit(1, UTRECHT, "k1");
    String ok = fx.ledger.rpc().call("requireIssuing", registry, raw.requireIssuing(address(1)).encodeFunctionCall());
    assertThat(ok).startsWith("0x" + java.util.HexFormat.of().formatHex(oinBytes(UTRECHT)));
    String active = fx.ledger.rpc().call("requireActiveIssuer", registry,
        raw.requireActiveIssuer(address(1)).encodeFunctionCall());
    assertThat(active).isEqualTo(ok);
  }

  @Test
  void key_expiredByTime_isStillReadable_butNotUsable() throws Exception {
    Instant now = fx.chainTime();
    IssuerAccreditation.KeySpec shortLived = new IssuerAccreditation.KeySpec(KeyId.of("k1"),
        ChainFixture.randomPublicKey(), now.minusSeconds(10), now.plus(Duration.ofHours(1)));
    fx.admin.accredit(new IssuerAccreditation(UTRECHT, "Utrecht", address(1), shortLived));

    fx.advanceTime(Duration.ofHours(2));

    Optional<IssuerKeyRecord> record = fx.ledger.findKey("k1");
    assertThat(record).isPresent();
    assertThat(record.get().usableAt(fx.chainTime())).isFalse();
  }
}
