package nl.noodrem.zkp.bbs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BbsCiphersuiteTest {

  /**
   * The draft defines each suite's P1 as the first output of create_generators with the seed
   * api_id || "BP_MESSAGE_GENERATOR_SEED"; our hard-coded P1 must be exactly that point.
   */
  @ParameterizedTest
  @EnumSource(BbsCiphersuite.class)
  void p1_isTheGeneratorOfTheBasePointSeed(BbsCiphersuite suite) {
    String apiId = suite.ciphersuiteId() + "H2G_HM2S_";
    byte[] seedDst = (apiId + "SIG_GENERATOR_SEED_").getBytes(StandardCharsets.US_ASCII);
    byte[] generatorDst = (apiId + "SIG_GENERATOR_DST_").getBytes(StandardCharsets.US_ASCII);
    byte[] seed = (apiId + "BP_MESSAGE_GENERATOR_SEED").getBytes(StandardCharsets.US_ASCII);
    byte[] v = suite.expandMessage(seed, seedDst, 48);
    v = suite.expandMessage(ExpandMessage.concat(v, Octets.i2osp(1, 8)), seedDst, 48);

    assertThat(suite.hashToCurveG1(v, generatorDst).compress()).isEqualTo(suite.p1Octets());
  }

  @ParameterizedTest
  @EnumSource(BbsCiphersuite.class)
  void createGenerators_differentCountsInAnyOrder_shareTheirPrefix(BbsCiphersuite suite) {
    var five = suite.createGenerators(5);
    var three = suite.createGenerators(3);
    var eight = suite.createGenerators(8);
    for (int i = 0; i < 3; i++) {
      assertThat(three.get(i)).isEqualTo(five.get(i)).isEqualTo(eight.get(i));
    }
    assertThat(five.get(4)).isEqualTo(eight.get(4));
  }

  @ParameterizedTest
  @EnumSource(BbsCiphersuite.class)
  void byName_displayNameAndCiphersuiteId_findTheSuite(BbsCiphersuite suite) {
    assertThat(BbsCiphersuite.byName(suite.displayName())).contains(suite);
    assertThat(BbsCiphersuite.byName(suite.ciphersuiteId())).contains(suite);
    assertThat(BbsCiphersuite.byName("BLS12-381-MD5")).isEmpty();
  }
}
