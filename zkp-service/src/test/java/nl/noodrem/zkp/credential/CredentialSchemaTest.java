package nl.noodrem.zkp.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import nl.noodrem.domain.AssistanceType;
import nl.noodrem.zkp.MalformedInputException;
import org.junit.jupiter.api.Test;

class CredentialSchemaTest {

  @Test
  void canonicalJson_debtAssistanceV1_equalsThePublishedDocumentAndPinnedHash() throws Exception {
    byte[] published;
    try (InputStream in = getClass().getResourceAsStream("/nl/noodrem/zkp/schemas/DebtAssistanceCredential-v1.json")) {
      published = in.readAllBytes();
    }
    assertThat(DebtAssistanceCredentialV1.SCHEMA.canonicalJson()).isEqualTo(published);
    assertThat(HexFormat.of().formatHex(DebtAssistanceCredentialV1.SCHEMA.documentHash()))
        .isEqualTo(DebtAssistanceCredentialV1.DOCUMENT_SHA256)
        .isEqualTo("800e5576775c2c3ed9a42bcfa2fda9769c88f31cfc491335b85734cb3ce91924");
  }

  @Test
  void schema_debtAssistanceV1_hasTheAgreedAttributesInOrder() {
    assertThat(DebtAssistanceCredentialV1.SCHEMA.attributes()).extracting(a -> a.name() + ":" + a.type().jsonName())
        .containsExactly("bsn:string", "issuerOin:string", "assistanceType:enum", "decisionDate:date",
            "helpStartDate:date", "validUntil:date", "statusListId:integer", "statusIndex:integer",
            "debtAmountCents:integer", "creditorCount:integer", "counsellorId:string");
  }

  @Test
  void assistanceTypes_frozenSchemaList_stillMatchesTheDomainEnum() {
    // If this fails, the domain gained or lost a type: that needs a DebtAssistanceCredential v2, not an edit of v1.
    assertThat(DebtAssistanceCredentialV1.ASSISTANCE_TYPES)
        .containsExactlyElementsOf(Arrays.stream(AssistanceType.values()).map(Enum::name).toList());
  }

  @Test
  void fromJson_canonicalDocument_roundTrips() throws Exception {
    String json = new String(DebtAssistanceCredentialV1.SCHEMA.canonicalJson(), java.nio.charset.StandardCharsets.UTF_8);

    CredentialSchema parsed = CredentialSchema.fromJson(json);

    assertThat(parsed).isEqualTo(DebtAssistanceCredentialV1.SCHEMA);
    assertThat(parsed.ref()).isEqualTo(DebtAssistanceCredentialV1.SCHEMA.ref());
  }

  @Test
  void fromJson_badDocuments_areMalformedInput() {
    for (String bad : List.of(
        "",
        "[]",
        "{\"format\":\"noodrem-credential-schema/2\",\"id\":\"X\",\"version\":1,\"attributes\":[{\"name\":\"a\",\"type\":\"string\"}]}",
        "{\"format\":\"noodrem-credential-schema/1\",\"id\":\"X\",\"version\":0,\"attributes\":[{\"name\":\"a\",\"type\":\"string\"}]}",
        "{\"format\":\"noodrem-credential-schema/1\",\"id\":\"X\",\"version\":1,\"attributes\":[{\"name\":\"a\",\"type\":\"float\"}]}",
        "{\"format\":\"noodrem-credential-schema/1\",\"id\":\"X\",\"version\":1,\"attributes\":[{\"name\":\"a\",\"type\":\"enum\"}]}",
        "{\"format\":\"noodrem-credential-schema/1\",\"id\":\"X\",\"version\":1,\"attributes\":[{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"a\",\"type\":\"date\"}]}",
        "{\"format\":\"noodrem-credential-schema/1\",\"id\":\"X\",\"version\":1,\"attributes\":[],\"extra\":1}",
        "{\"format\":\"noodrem-credential-schema/1\",\"format\":\"noodrem-credential-schema/1\",\"id\":\"X\",\"version\":1,\"attributes\":[{\"name\":\"a\",\"type\":\"string\"}]}")) {
      assertThatThrownBy(() -> CredentialSchema.fromJson(bad)).as(bad).isInstanceOf(MalformedInputException.class);
    }
  }

  @Test
  void matches_registeredRecordOfOtherHash_isFalse() {
    var record = DebtAssistanceCredentialV1.SCHEMA.toSchemaRecord();
    var other = new nl.noodrem.zkp.trust.SchemaRecord(record.schemaId(), record.version(), record.attributes(),
        new byte[32]);

    assertThat(DebtAssistanceCredentialV1.SCHEMA.matches(record)).isTrue();
    assertThat(DebtAssistanceCredentialV1.SCHEMA.matches(other)).isFalse();
  }
}
