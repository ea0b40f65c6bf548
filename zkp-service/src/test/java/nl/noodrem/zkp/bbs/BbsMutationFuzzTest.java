package nl.noodrem.zkp.bbs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import nl.noodrem.zkp.InvalidProofException;
import nl.noodrem.zkp.InvalidSignatureException;
import nl.noodrem.zkp.MalformedInputException;
import org.junit.jupiter.api.Test;

/**
 * Mutates valid signatures and proofs byte by byte: no mutation may verify, and every rejection must be one of the
 * checked exceptions (never anything unchecked from blst or our own code).
 */
class BbsMutationFuzzTest {

  private static final byte[] HEADER = "noodrem fuzz header".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PH = "noodrem fuzz presentation header".getBytes(StandardCharsets.US_ASCII);

  /** One signed and proven message set per suite, shared by all tries. */
  private static final class Fixture {
    final BbsCiphersuite suite;
    final BbsSecretKey sk;
    final List<BbsScalar> messages = new ArrayList<>();
    final byte[] signature;
    final int[] disclosed = {1, 3};
    final byte[] proof;

    Fixture(BbsCiphersuite suite) {
      this.suite = suite;
      try {
        sk = BbsSecretKey.keyGen(suite, "fuzzing key material, test-only, 32+ octets".getBytes(StandardCharsets.US_ASCII),
            new byte[0]);
        for (int i = 0; i < 6; i++) {
          messages.add(suite.mapMessageToScalar(("message " + i).getBytes(StandardCharsets.US_ASCII)));
        }
        signature = Bbs.sign(suite, sk, HEADER, messages);
        proof = Bbs.proofGen(suite, sk.publicKey(), signature, HEADER, PH, messages, disclosed);
        verifySignature(signature); // the originals are valid, so every rejection below is due to the mutation
        verifyProof(proof);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }

    void verifySignature(byte[] s) throws MalformedInputException, InvalidSignatureException {
      Bbs.verify(suite, sk.publicKey(), s, HEADER, messages);
    }

    void verifyProof(byte[] p) throws MalformedInputException, InvalidProofException {
      Bbs.proofVerify(suite, sk.publicKey(), p, HEADER, PH, List.of(messages.get(1), messages.get(3)), disclosed);
    }
  }

  private static final Fixture SHA = new Fixture(BbsCiphersuite.BLS12_381_SHA_256);
  private static final Fixture SHAKE = new Fixture(BbsCiphersuite.BLS12_381_SHAKE_256);

  private static void assertSignatureRejected(Fixture f, byte[] mutated, String what) {
    try {
      f.verifySignature(mutated);
      throw new AssertionError("mutated signature accepted: " + what);
    } catch (MalformedInputException | InvalidSignatureException expected) {
      // rejected as it must be
    }
  }

  private static void assertProofRejected(Fixture f, byte[] mutated, String what) {
    try {
      f.verifyProof(mutated);
      throw new AssertionError("mutated proof accepted: " + what);
    } catch (MalformedInputException | InvalidProofException expected) {
      // rejected as it must be
    }
  }

  @Test
  void signatureAndProof_everyBytePositionFlipped_isRejected() {
    int checked = 0;
    for (Fixture f : List.of(SHA, SHAKE)) {
      for (int mask : new int[] {0x01, 0x80}) {
        for (int i = 0; i < f.signature.length; i++) {
          byte[] s = f.signature.clone();
          s[i] ^= (byte) mask;
          assertSignatureRejected(f, s, f.suite + " signature byte " + i + " ^ " + mask);
          checked++;
        }
        for (int i = 0; i < f.proof.length; i++) {
          byte[] p = f.proof.clone();
          p[i] ^= (byte) mask;
          assertProofRejected(f, p, f.suite + " proof byte " + i + " ^ " + mask);
          checked++;
        }
      }
    }
    assertThat(checked).isEqualTo(2 * 2 * (80 + SHA.proof.length));
  }

  @Property(tries = 250)
  void signature_randomByteMutation_isRejected(
      @ForAll @IntRange(min = 0, max = 79) int position, @ForAll @IntRange(min = 1, max = 255) int xor,
      @ForAll boolean shake) {
    Fixture f = shake ? SHAKE : SHA;
    byte[] s = f.signature.clone();
    s[position] ^= (byte) xor;
    assertSignatureRejected(f, s, "byte " + position + " ^ " + xor);
  }

  @Property(tries = 250)
  void proof_randomMultiByteMutation_isRejected(
      @ForAll @IntRange(min = 0, max = 399) int position, @ForAll @IntRange(min = 1, max = 255) int xor,
      @ForAll @IntRange(min = 1, max = 4) int span, @ForAll boolean shake) {
    Fixture f = shake ? SHAKE : SHA;
    byte[] p = f.proof.clone();
    for (int k = 0; k < span && position + k < p.length; k++) {
      p[position + k] ^= (byte) (xor + 17 * k);
    }
    assertProofRejected(f, p, "bytes " + position + ".." + (position + span - 1) + " ^ " + xor);
  }

  @Property(tries = 100)
  void proof_truncatedOrExtended_isRejected(@ForAll @IntRange(min = -400, max = 64) int delta, @ForAll boolean shake) {
    Fixture f = shake ? SHAKE : SHA;
    if (delta == 0) {
      return;
    }
    int length = Math.max(0, f.proof.length + delta);
    assertProofRejected(f, java.util.Arrays.copyOf(f.proof, length), "length " + length);
  }
}
