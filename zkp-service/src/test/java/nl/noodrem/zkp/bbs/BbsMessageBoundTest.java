package nl.noodrem.zkp.bbs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import nl.noodrem.zkp.MalformedInputException;
import org.junit.jupiter.api.Test;

/**
 * The bound on messages per signature or proof: a sender's proof cannot make a verifier derive and cache
 * generators for any count it likes. Just at the bound works; one past it is a checked rejection before any
 * generator is derived.
 */
class BbsMessageBoundTest {

  private static final BbsCiphersuite SUITE = BbsCiphersuite.BLS12_381_SHA_256;
  private static final byte[] HEADER = "header".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PH = "presentation header".getBytes(StandardCharsets.US_ASCII);

  private final BbsSecretKey sk;

  BbsMessageBoundTest() throws MalformedInputException {
    sk = BbsSecretKey.keyGen(SUITE, "test-only key material, at least 32 octets long".getBytes(
        StandardCharsets.US_ASCII), new byte[0]);
  }

  private static List<BbsScalar> messages(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(BbsScalar::ofLong).toList();
  }

  @Test
  void proofVerify_proofOfExactlyMaxMessages_verifies() throws Exception {
    List<BbsScalar> messages = messages(Bbs.MAX_MESSAGES);
    byte[] signature = Bbs.sign(SUITE, sk, HEADER, messages);
    int[] disclosed = {0, Bbs.MAX_MESSAGES - 1};
    byte[] proof = Bbs.proofGen(SUITE, sk.publicKey(), signature, HEADER, PH, messages, disclosed);

    Bbs.verify(SUITE, sk.publicKey(), signature, HEADER, messages);
    Bbs.proofVerify(SUITE, sk.publicKey(), proof, HEADER, PH,
        List.of(messages.get(0), messages.get(Bbs.MAX_MESSAGES - 1)), disclosed);
    assertThat(SUITE.cachedGeneratorCount()).isEqualTo(Bbs.MAX_MESSAGES + 1);
  }

  @Test
  void proofVerify_proofImplyingOneMessageMoreThanTheMaximum_isMalformedAndDerivesNoGenerators()
      throws Exception {
    List<BbsScalar> messages = messages(5);
    byte[] signature = Bbs.sign(SUITE, sk, HEADER, messages);
    int[] disclosed = {0, 2};
    byte[] proof = Bbs.proofGen(SUITE, sk.publicKey(), signature, HEADER, PH, messages, disclosed);
    // Pad the proof with valid-looking commitments until disclosed + undisclosed = MAX_MESSAGES + 1.
    int extra = Bbs.MAX_MESSAGES + 1 - messages.size();
    byte[] padded = Arrays.copyOf(proof, proof.length + extra * BbsScalar.LENGTH);
    byte[] seven = BbsScalar.ofLong(7).toBytes();
    for (int i = 0; i < extra; i++) {
      System.arraycopy(seven, 0, padded, proof.length + i * BbsScalar.LENGTH, BbsScalar.LENGTH);
    }
    int cachedBefore = SUITE.cachedGeneratorCount();

    assertThatThrownBy(() -> Bbs.proofVerify(SUITE, sk.publicKey(), padded, HEADER, PH,
        List.of(messages.get(0), messages.get(2)), disclosed))
        .isInstanceOf(MalformedInputException.class)
        .hasMessage("more than " + Bbs.MAX_MESSAGES + " messages");
    assertThat(SUITE.cachedGeneratorCount()).isEqualTo(cachedBefore).isLessThanOrEqualTo(Bbs.MAX_MESSAGES + 1);
  }

  @Test
  void undisclosedCount_proofOneCommitmentLongerThanTheMaximum_isMalformed() throws Exception {
    assertThat(Bbs.undisclosedCount(new byte[Bbs.MAX_PROOF_LENGTH])).isEqualTo(Bbs.MAX_MESSAGES);
    assertThatThrownBy(() -> Bbs.undisclosedCount(new byte[Bbs.MAX_PROOF_LENGTH + BbsScalar.LENGTH]))
        .isInstanceOf(MalformedInputException.class)
        .hasMessage("proof covers more than " + Bbs.MAX_MESSAGES + " messages");
  }

  @Test
  void verifyAndProofGen_oneMessageMoreThanTheMaximum_areMalformed() throws Exception {
    List<BbsScalar> tooMany = messages(Bbs.MAX_MESSAGES + 1);
    byte[] signature = Bbs.sign(SUITE, sk, HEADER, messages(1));

    assertThatThrownBy(() -> Bbs.verify(SUITE, sk.publicKey(), signature, HEADER, tooMany))
        .isInstanceOf(MalformedInputException.class);
    assertThatThrownBy(() -> Bbs.proofGen(SUITE, sk.publicKey(), signature, HEADER, PH, tooMany, new int[0]))
        .isInstanceOf(MalformedInputException.class);
  }

  @Test
  void sign_oneMessageMoreThanTheMaximum_isRefused() {
    List<BbsScalar> tooMany = new ArrayList<>(messages(Bbs.MAX_MESSAGES + 1));

    assertThatThrownBy(() -> Bbs.sign(SUITE, sk, HEADER, tooMany)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void createGenerators_pastTheCacheBound_isRefused() {
    assertThat(SUITE.createGenerators(GeneratorCache.MAX_COUNT)).hasSize(GeneratorCache.MAX_COUNT);
    assertThatThrownBy(() -> SUITE.createGenerators(GeneratorCache.MAX_COUNT + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
