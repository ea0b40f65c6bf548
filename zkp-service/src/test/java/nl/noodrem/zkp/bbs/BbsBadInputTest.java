package nl.noodrem.zkp.bbs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.noodrem.zkp.InvalidProofException;
import nl.noodrem.zkp.InvalidSignatureException;
import nl.noodrem.zkp.MalformedInputException;
import org.junit.jupiter.api.Test;
import supranational.blst.P1_Affine;
import supranational.blst.P2_Affine;

/** Hostile encodings and mismatched inputs: each is a typed, checked rejection. */
class BbsBadInputTest {

  private static final BbsCiphersuite SUITE = BbsCiphersuite.BLS12_381_SHA_256;
  private static final byte[] HEADER = "header".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PH = "presentation header".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] R_OCTETS =
      java.util.HexFormat.of().parseHex("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001");

  private final BbsSecretKey sk = key("test-only key material, at least 32 octets long");
  private final List<BbsScalar> messages = List.of(BbsScalar.ofLong(1), BbsScalar.ofLong(2), BbsScalar.ZERO,
      SUITE.mapMessageToScalar("four".getBytes(StandardCharsets.UTF_8)), BbsScalar.ofLong(-5));
  private final byte[] signature = Bbs.sign(SUITE, sk, HEADER, messages);
  private final int[] disclosed = {0, 2};
  private final byte[] proof;

  BbsBadInputTest() throws Exception {
    proof = Bbs.proofGen(SUITE, sk.publicKey(), signature, HEADER, PH, messages, disclosed);
  }

  private static BbsSecretKey key(String material) {
    try {
      return BbsSecretKey.keyGen(SUITE, material.getBytes(StandardCharsets.US_ASCII), new byte[0]);
    } catch (MalformedInputException e) {
      throw new AssertionError(e);
    }
  }

  private List<BbsScalar> disclosedMessages(int... indexes) {
    List<BbsScalar> out = new ArrayList<>();
    for (int i : indexes) {
      out.add(messages.get(i));
    }
    return out;
  }

  private void verifyProof(byte[] p) throws Exception {
    Bbs.proofVerify(SUITE, sk.publicKey(), p, HEADER, PH, disclosedMessages(disclosed), disclosed);
  }

  @Test
  void baseline_validSignatureAndProof_verify() throws Exception {
    Bbs.verify(SUITE, sk.publicKey(), signature, HEADER, messages);
    verifyProof(proof);
  }

  @Test
  void hostilePointEncodings_areWhatTheTestsClaim() {
    assertThat(new P1_Affine(BadPoints.g1WithX(true)).in_group()).isFalse();
    assertThat(new P2_Affine(BadPoints.g2WithX(true)).in_group()).isFalse();
    assertThatThrownBy(() -> new P1_Affine(BadPoints.g1WithX(false))).isInstanceOf(RuntimeException.class);
  }

  @Test
  void publicKey_hostileEncodings_areMalformed() {
    List<byte[]> bad = List.of(new byte[0], new byte[95], new byte[97], new byte[96], BadPoints.g2Identity(),
        BadPoints.g2WithX(true), BadPoints.g2WithX(false), uncompressedFlagCleared(sk.publicKey().toBytes()));
    for (byte[] octets : bad) {
      assertThatThrownBy(() -> BbsPublicKey.fromBytes(octets)).isInstanceOf(MalformedInputException.class);
    }
    assertThatThrownBy(() -> BbsPublicKey.fromBytes(null)).isInstanceOf(MalformedInputException.class);
  }

  @Test
  void signature_hostileEncodings_areMalformed() {
    List<byte[]> bad = new ArrayList<>(List.of(new byte[0], Arrays.copyOf(signature, 79), Arrays.copyOf(signature, 81)));
    for (byte[] point : List.of(BadPoints.g1Identity(), BadPoints.g1WithX(true), BadPoints.g1WithX(false),
        BadPoints.g1NonCanonical(), uncompressedFlagCleared(Arrays.copyOf(signature, 48)))) {
      byte[] s = signature.clone();
      System.arraycopy(point, 0, s, 0, 48);
      bad.add(s);
    }
    for (byte[] scalar : List.of(new byte[32], R_OCTETS, filled(32, (byte) 0xff))) {
      byte[] s = signature.clone();
      System.arraycopy(scalar, 0, s, 48, 32);
      bad.add(s);
    }
    for (byte[] s : bad) {
      assertThatThrownBy(() -> Bbs.verify(SUITE, sk.publicKey(), s, HEADER, messages))
          .isInstanceOf(MalformedInputException.class);
      assertThatThrownBy(() -> Bbs.proofGen(SUITE, sk.publicKey(), s, HEADER, PH, messages, disclosed))
          .isInstanceOf(MalformedInputException.class);
    }
  }

  @Test
  void signature_mismatchedInputs_areInvalidSignature() {
    List<BbsScalar> tampered = new ArrayList<>(messages);
    tampered.set(3, BbsScalar.ofLong(4));
    BbsPublicKey otherKey = key("another test-only key material, 32+ octets").publicKey();

    assertThatThrownBy(() -> Bbs.verify(SUITE, sk.publicKey(), signature, HEADER, tampered))
        .isInstanceOf(InvalidSignatureException.class);
    assertThatThrownBy(() -> Bbs.verify(SUITE, sk.publicKey(), signature, "other".getBytes(), messages))
        .isInstanceOf(InvalidSignatureException.class);
    assertThatThrownBy(() -> Bbs.verify(SUITE, otherKey, signature, HEADER, messages))
        .isInstanceOf(InvalidSignatureException.class);
    assertThatThrownBy(() -> Bbs.verify(SUITE, sk.publicKey(), signature, HEADER, messages.subList(0, 4)))
        .isInstanceOf(InvalidSignatureException.class);
    assertThatThrownBy(() -> Bbs.verify(BbsCiphersuite.BLS12_381_SHAKE_256, sk.publicKey(), signature, HEADER,
        messages)).isInstanceOf(InvalidSignatureException.class);
  }

  @Test
  void proof_hostileEncodings_areMalformed() {
    List<byte[]> bad = new ArrayList<>(List.of(new byte[0], Arrays.copyOf(proof, proof.length - 1),
        Arrays.copyOf(proof, proof.length + 1), Arrays.copyOf(proof, Bbs.PROOF_BASE_LENGTH - 32)));
    for (int pointIndex = 0; pointIndex < 3; pointIndex++) {
      for (byte[] point : List.of(BadPoints.g1Identity(), BadPoints.g1WithX(true), BadPoints.g1WithX(false),
          BadPoints.g1NonCanonical())) {
        byte[] p = proof.clone();
        System.arraycopy(point, 0, p, 48 * pointIndex, 48);
        bad.add(p);
      }
    }
    int scalars = (proof.length - 144) / 32;
    for (int k = 0; k < scalars; k++) {
      for (byte[] scalar : List.of(new byte[32], R_OCTETS)) {
        byte[] p = proof.clone();
        System.arraycopy(scalar, 0, p, 144 + 32 * k, 32);
        bad.add(p);
      }
    }
    for (byte[] p : bad) {
      assertThatThrownBy(() -> verifyProof(p)).isInstanceOf(MalformedInputException.class);
    }
    assertThatThrownBy(() -> verifyProof(null)).isInstanceOf(MalformedInputException.class);
  }

  @Test
  void proof_badIndexes_areMalformed() {
    for (int[] indexes : new int[][] {{2, 0}, {0, 0}, {-1, 2}, {0, 8}}) {
      int[] idx = indexes;
      List<BbsScalar> msgs = new ArrayList<>();
      for (int i = 0; i < idx.length; i++) {
        msgs.add(BbsScalar.ONE);
      }
      assertThatThrownBy(() -> Bbs.proofVerify(SUITE, sk.publicKey(), proof, HEADER, PH, msgs, idx))
          .as(Arrays.toString(idx)).isInstanceOf(MalformedInputException.class);
      assertThatThrownBy(() -> Bbs.proofGen(SUITE, sk.publicKey(), signature, HEADER, PH, messages, idx))
          .as(Arrays.toString(idx)).isInstanceOf(MalformedInputException.class);
    }
    assertThatThrownBy(() -> Bbs.proofVerify(SUITE, sk.publicKey(), proof, HEADER, PH, disclosedMessages(0),
        disclosed)).as("fewer messages than indexes").isInstanceOf(MalformedInputException.class);
    assertThatThrownBy(() -> Bbs.proofGen(SUITE, sk.publicKey(), signature, HEADER, PH, messages,
        new int[] {0, 1, 2, 3, 4, 5})).as("more indexes than messages").isInstanceOf(MalformedInputException.class);
    // A proof with 3 hidden messages claimed to disclose 7 more is a well-formed claim about 10 messages: it
    // simply does not verify.
    int[] seven = {0, 1, 2, 3, 4, 5, 6};
    assertThatThrownBy(() -> Bbs.proofVerify(SUITE, sk.publicKey(), proof, HEADER, PH,
        java.util.Collections.nCopies(7, BbsScalar.ONE), seven)).isInstanceOf(InvalidProofException.class);
  }

  @Test
  void proof_mismatchedInputs_areInvalidProof() {
    int[] otherIndexes = {0, 3};
    List<BbsScalar> tampered = new ArrayList<>(disclosedMessages(disclosed));
    tampered.set(1, BbsScalar.ofLong(3));
    BbsPublicKey otherKey = key("another test-only key material, 32+ octets").publicKey();

    assertThatThrownBy(() -> Bbs.proofVerify(SUITE, sk.publicKey(), proof, HEADER, PH,
        disclosedMessages(otherIndexes), otherIndexes)).as("other disclosed indexes")
        .isInstanceOf(InvalidProofException.class);
    assertThatThrownBy(() -> Bbs.proofVerify(SUITE, sk.publicKey(), proof, HEADER, PH, tampered, disclosed))
        .as("tampered message").isInstanceOf(InvalidProofException.class);
    assertThatThrownBy(() -> Bbs.proofVerify(SUITE, sk.publicKey(), proof, "other".getBytes(), PH,
        disclosedMessages(disclosed), disclosed)).as("wrong header").isInstanceOf(InvalidProofException.class);
    assertThatThrownBy(() -> Bbs.proofVerify(SUITE, sk.publicKey(), proof, HEADER, "other".getBytes(),
        disclosedMessages(disclosed), disclosed)).as("wrong ph").isInstanceOf(InvalidProofException.class);
    assertThatThrownBy(() -> Bbs.proofVerify(SUITE, otherKey, proof, HEADER, PH, disclosedMessages(disclosed),
        disclosed)).as("other key").isInstanceOf(InvalidProofException.class);
    assertThatThrownBy(() -> Bbs.proofVerify(BbsCiphersuite.BLS12_381_SHAKE_256, sk.publicKey(), proof, HEADER, PH,
        disclosedMessages(disclosed), disclosed)).as("other suite").isInstanceOf(InvalidProofException.class);
  }

  @Test
  void proofGen_invalidSignature_producesAProofThatDoesNotVerify() throws Exception {
    byte[] wrong = Bbs.sign(SUITE, key("another test-only key material, 32+ octets"), HEADER, messages);
    byte[] p = Bbs.proofGen(SUITE, sk.publicKey(), wrong, HEADER, PH, messages, disclosed);

    assertThatThrownBy(() -> verifyProof(p)).isInstanceOf(InvalidProofException.class);
  }

  @Test
  void keyGen_shortMaterialOrZeroKey_isMalformed() {
    assertThatThrownBy(() -> BbsSecretKey.keyGen(SUITE, new byte[31], new byte[0]))
        .isInstanceOf(MalformedInputException.class);
    assertThatThrownBy(() -> BbsSecretKey.fromBytes(new byte[32], nl.noodrem.zkp.SecretKeyAccess.insecureSecretAccess()))
        .isInstanceOf(MalformedInputException.class);
    assertThatThrownBy(() -> BbsSecretKey.fromBytes(R_OCTETS, nl.noodrem.zkp.SecretKeyAccess.insecureSecretAccess()))
        .isInstanceOf(MalformedInputException.class);
  }

  @Test
  void secretKey_equalsAndToString_doNotLeak() throws Exception {
    BbsSecretKey same = BbsSecretKey.fromBytes(sk.toBytes(nl.noodrem.zkp.SecretKeyAccess.insecureSecretAccess()),
        nl.noodrem.zkp.SecretKeyAccess.insecureSecretAccess());
    assertThat(same).isEqualTo(sk);
    assertThat(sk.toString()).doesNotContain(
        java.util.HexFormat.of().formatHex(sk.toBytes(nl.noodrem.zkp.SecretKeyAccess.insecureSecretAccess())));
  }

  private static byte[] uncompressedFlagCleared(byte[] compressed) {
    byte[] b = compressed.clone();
    b[0] &= 0x7f;
    return b;
  }

  private static byte[] filled(int n, byte value) {
    byte[] b = new byte[n];
    Arrays.fill(b, value);
    return b;
  }
}
