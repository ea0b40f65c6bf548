package nl.noodrem.zkp.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import nl.noodrem.zkp.ZkpException;
import org.junit.jupiter.api.Test;

/**
 * Corrupts a presentation's JSON character by character: parsing and verification must only ever fail with the
 * checked exception family, and a changed value must never verify. (Whitespace edits may be harmless, which is
 * why acceptance is only forbidden when the parsed presentation differs.)
 */
class PresentationJsonFuzzTest {

  @Test
  void verify_randomlyCorruptedJson_failsOnlyWithCheckedExceptionsAndNeverAcceptsAChange() throws Exception {
    TestWorld world = new TestWorld();
    Credential credential = world.issue();
    Random random = new Random(4711);
    int unchecked = 0;
    for (int i = 0; i < 150; i++) {
      Presentation original = world.prover.prove(credential, world.cjibRequest());
      char[] json = original.toJson().toCharArray();
      int edits = 1 + random.nextInt(3);
      for (int e = 0; e < edits; e++) {
        int at = random.nextInt(json.length);
        json[at] = (char) (random.nextBoolean() ? json[at] ^ (1 << random.nextInt(7)) : random.nextInt(128));
      }
      try {
        Presentation parsed = Presentation.fromJson(new String(json), KnownSchemas.builtIn());
        world.verifier.verify(parsed);
        assertThat(parsed).as("accepted presentation must be the original").isEqualTo(original);
      } catch (ZkpException expected) {
        // rejected
      } catch (RuntimeException e) {
        unchecked++;
        throw new AssertionError("unchecked exception for corrupted JSON: " + new String(json), e);
      }
    }
    assertThat(unchecked).isZero();
  }
}
