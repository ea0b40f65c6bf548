package nl.noodrem.zkp.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.noodrem.zkp.MalformedInputException;
import nl.noodrem.zkp.credential.KnownSchemas;
import nl.noodrem.zkp.credential.Presentation;
import nl.noodrem.zkp.credential.PresentationRequest;
import org.junit.jupiter.api.Test;

/**
 * The parser's limits on nesting depth and number length: a document at a limit parses, one just past it and
 * one far past it (Jackson's own limits of 1000, which used to surface as a {@code NullPointerException}) are
 * clean {@link MalformedInputException}s.
 */
class JsonLimitsTest {

  @Test
  void parseObject_nestedExactlyToTheLimit_parses() throws Exception {
    assertThat(Json.parseObject(nested(Json.MAX_NESTING_DEPTH), "test").isObject()).isTrue();
  }

  @Test
  void parseObject_nestedOneLevelPastTheLimit_isMalformedInput() {
    assertThatThrownBy(() -> Json.parseObject(nested(Json.MAX_NESTING_DEPTH + 1), "test"))
        .isInstanceOf(MalformedInputException.class)
        .hasMessage("test: nested deeper than " + Json.MAX_NESTING_DEPTH + " levels");
  }

  @Test
  void parseObject_arraysNestedPastTheLimit_isMalformedInput() {
    String json = "{\"a\":" + "[".repeat(Json.MAX_NESTING_DEPTH) + "]".repeat(Json.MAX_NESTING_DEPTH) + "}";
    assertThatThrownBy(() -> Json.parseObject(json, "test")).isInstanceOf(MalformedInputException.class);
  }

  @Test
  void fromJson_presentationNestedDeeperThanJacksonsDefault_isMalformedInputNotNullPointer() {
    assertThatThrownBy(() -> Presentation.fromJson(nested(1001), KnownSchemas.builtIn()))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("nested deeper than");
  }

  @Test
  void parseObject_numberExactlyAtTheLengthLimit_parses() throws Exception {
    String number = "9".repeat(Json.MAX_NUMBER_LENGTH);
    assertThat(Json.parseObject("{\"n\":" + number + "}", "test").get("n").isIntegralNumber()).isTrue();
  }

  @Test
  void parseObject_numberOneDigitPastTheLengthLimit_isMalformedInput() {
    String number = "9".repeat(Json.MAX_NUMBER_LENGTH + 1);
    assertThatThrownBy(() -> Json.parseObject("{\"n\":" + number + "}", "test"))
        .isInstanceOf(MalformedInputException.class)
        .hasMessage("test: a number longer than " + Json.MAX_NUMBER_LENGTH + " characters");
  }

  @Test
  void parseObject_fractionPastTheLengthLimit_isMalformedInput() {
    String number = "1." + "5".repeat(Json.MAX_NUMBER_LENGTH);
    assertThatThrownBy(() -> Json.parseObject("{\"n\":" + number + "}", "test"))
        .isInstanceOf(MalformedInputException.class);
  }

  @Test
  void fromJson_requestWithANumberLongerThanJacksonsDefault_isMalformedInputNotNullPointer() {
    String json = "{\"format\":\"noodrem-bbs-presentation-request/1\",\"n\":" + "1".repeat(1001) + "}";
    assertThatThrownBy(() -> PresentationRequest.fromJson(json))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("a number longer than");
  }

  /** An object nested {@code depth} levels deep, the root counted as 1. */
  private static String nested(int depth) {
    return "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
  }
}
