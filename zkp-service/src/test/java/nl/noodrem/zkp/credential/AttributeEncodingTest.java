package nl.noodrem.zkp.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.noodrem.zkp.MalformedInputException;
import nl.noodrem.zkp.bbs.BbsCiphersuite;
import nl.noodrem.zkp.bbs.BbsScalar;
import org.junit.jupiter.api.Test;

/** The documented encoding, pinned: another implementation must produce exactly these scalars. */
class AttributeEncodingTest {

  private static final BbsCiphersuite SHA = BbsCiphersuite.BLS12_381_SHA_256;

  @Test
  void encode_date_isDaysSinceEpochAsInteger() throws Exception {
    BbsScalar s = AttributeEncoding.encode(SHA, AttributeDefinition.date("d"),
        AttributeValue.date(LocalDate.of(2025, 2, 17)));

    assertThat(s).isEqualTo(BbsScalar.ofLong(20136));
    assertThat(AttributeEncoding.encode(SHA, AttributeDefinition.date("d"),
        AttributeValue.date(LocalDate.of(1970, 1, 1)))).isEqualTo(BbsScalar.ZERO);
  }

  @Test
  void encode_dates_keepTheirOrderAsIntegers() throws Exception {
    // what a later range proof relies on: a later date is a larger integer
    long a = LocalDate.of(2025, 12, 31).toEpochDay();
    long b = LocalDate.of(2026, 1, 1).toEpochDay();
    assertThat(b).isEqualTo(a + 1);
  }

  @Test
  void encode_integer_isValueModR() throws Exception {
    assertThat(AttributeEncoding.encode(SHA, AttributeDefinition.integer("i"), AttributeValue.integer(4242)))
        .isEqualTo(BbsScalar.ofLong(4242));
    assertThat(AttributeEncoding.encode(SHA, AttributeDefinition.integer("i"), AttributeValue.integer(-1)))
        .isEqualTo(BbsScalar.ofLong(-1));
  }

  @Test
  void encode_enum_isPositionInTheSchemaList() throws Exception {
    AttributeDefinition type = DebtAssistanceCredentialV1.SCHEMA.attribute("assistanceType").orElseThrow();
    assertThat(AttributeEncoding.encode(SHA, type, AttributeValue.enumeration("MSNP"))).isEqualTo(BbsScalar.ZERO);
    assertThat(AttributeEncoding.encode(SHA, type, AttributeValue.enumeration("BESCHERMINGSBEWIND")))
        .isEqualTo(BbsScalar.ofLong(4));
  }

  @Test
  void encode_string_isMapMessageToScalarOfUtf8() throws Exception {
    for (BbsCiphersuite suite : BbsCiphersuite.values()) {
      assertThat(AttributeEncoding.encode(suite, AttributeDefinition.string("s"), AttributeValue.string("Zoë")))
          .isEqualTo(suite.mapMessageToScalar("Zoë".getBytes(StandardCharsets.UTF_8)));
    }
  }

  @Test
  void encode_stringNotNfc_isRejected() {
    String decomposed = "Zoe\u0308";
    assertThatThrownBy(() -> AttributeEncoding.encode(SHA, AttributeDefinition.string("s"),
        AttributeValue.string(decomposed))).isInstanceOf(MalformedInputException.class);
  }

  @Test
  void encode_unpairedSurrogate_isRejectedInsteadOfCollapsingToQuestionMark() {
    assertThatThrownBy(() -> AttributeEncoding.encode(SHA, AttributeDefinition.string("s"),
        AttributeValue.string("a\uD800b"))).isInstanceOf(MalformedInputException.class);
  }

  @Test
  void encode_wrongTypeOrUnknownEnum_isRejected() {
    assertThatThrownBy(() -> AttributeEncoding.encode(SHA, AttributeDefinition.date("d"), AttributeValue.integer(1)))
        .isInstanceOf(MalformedInputException.class);
    AttributeDefinition type = DebtAssistanceCredentialV1.SCHEMA.attribute("assistanceType").orElseThrow();
    assertThatThrownBy(() -> AttributeEncoding.encode(SHA, type, AttributeValue.enumeration("LOTTERY")))
        .isInstanceOf(MalformedInputException.class);
    assertThatThrownBy(() -> AttributeEncoding.encode(SHA, AttributeDefinition.date("d"),
        AttributeValue.date(LocalDate.of(10000, 1, 1)))).isInstanceOf(MalformedInputException.class);
  }

  @Test
  void encodeAll_missingOrExtraAttribute_isRejected() {
    CredentialSchema schema = new CredentialSchema("T", 1,
        List.of(AttributeDefinition.string("a"), AttributeDefinition.integer("b")));
    assertThatThrownBy(() -> AttributeEncoding.encodeAll(SHA, schema, Map.of("a", AttributeValue.string("x"))))
        .isInstanceOf(MalformedInputException.class);
    assertThatThrownBy(() -> AttributeEncoding.encodeAll(SHA, schema, Map.of("a", AttributeValue.string("x"),
        "b", AttributeValue.integer(1), "c", AttributeValue.integer(2)))).isInstanceOf(MalformedInputException.class);
  }

  @Test
  void toString_values_areRedacted() {
    assertThat(AttributeValue.string("999993653").toString()).doesNotContain("999993653");
    assertThat(AttributeValue.integer(1234567).toString()).doesNotContain("1234567");
  }
}
