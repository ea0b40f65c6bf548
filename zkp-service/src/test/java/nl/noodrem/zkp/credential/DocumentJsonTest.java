package nl.noodrem.zkp.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.noodrem.zkp.MalformedInputException;
import org.junit.jupiter.api.Test;

/** The JSON documents are versioned and read strictly. */
class DocumentJsonTest {

  private final TestWorld world = new TestWorld();

  @Test
  void credential_json_carriesFormatAndReadsBack() throws Exception {
    Credential credential = world.issue();
    String json = credential.toJson();

    assertThat(json).contains("\"format\" : \"noodrem-bbs-credential/1\"");
    assertThat(Credential.fromJson(json, KnownSchemas.builtIn())).isEqualTo(credential);
  }

  @Test
  void credential_strictReading_rejectsVariants() throws Exception {
    String json = world.issue().toJson();
    String[] variants = {
        json.replace("noodrem-bbs-credential/1", "noodrem-bbs-credential/2"),
        json.replace("\"issuedAt\"", "\"issued\""),
        json.replaceFirst("\\{", "{ \"extra\" : 1,"),
        json.replaceFirst("\\{", "{ \"format\" : \"noodrem-bbs-credential/1\","),
        json.replace("\"statusIndex\" : 4242", "\"statusIndex\" : \"4242\""),
        json.replace("\"statusIndex\" : 4242", "\"statusIndex\" : 4242.0"),
        json.replace("\"helpStartDate\" : \"2025-02-17\"", "\"helpStartDate\" : \"17-02-2025\""),
        json.replace("\"assistanceType\" : \"WSNP\",", ""),
        json.replace("\"sha256\" : \"800e", "\"sha256\" : \"900e"),
        json.replace("BLS12-381-SHA-256", "BLS12-381-MD5"),
        json.replace("\"00000001002220647000-k1\"", "\"00000001002220647000-k0\""),
        json.replaceFirst("\"signature\" : \"([^\"]*)\"", "\"signature\" : \"$1==\""),
        json + " {}",
        "[]",
        "{"
    };
    for (String variant : variants) {
      assertThat(variant).as("each variant really changes the document").isNotEqualTo(json);
      assertThatThrownBy(() -> Credential.fromJson(variant, KnownSchemas.builtIn()))
          .isInstanceOf(MalformedInputException.class);
    }
  }

  @Test
  void presentation_fractionalCreatedAt_isRejectedBecauseOnlyWholeSecondsAreSigned() throws Exception {
    Presentation p = world.prover.prove(world.issue(), world.cjibRequest());
    String json = p.toJson();
    String fractional = json.replace(p.createdAt().toString(), p.createdAt().plusMillis(500).toString());

    assertThat(fractional).isNotEqualTo(json);
    assertThatThrownBy(() -> Presentation.fromJson(fractional, KnownSchemas.builtIn()))
        .isInstanceOf(MalformedInputException.class);
  }

  @Test
  void request_json_roundTripsAndRejectsShortNonce() throws Exception {
    PresentationRequest request = world.cjibRequest();
    String json = request.toJson();

    assertThat(PresentationRequest.fromJson(json)).isEqualTo(request);
    String shortNonce = json.replace(request.nonceText(), request.nonceText().substring(0, 20));
    assertThatThrownBy(() -> PresentationRequest.fromJson(shortNonce)).isInstanceOf(MalformedInputException.class);
  }
}
