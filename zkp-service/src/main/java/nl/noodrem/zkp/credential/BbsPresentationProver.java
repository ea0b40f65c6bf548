package nl.noodrem.zkp.credential;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import nl.noodrem.zkp.CredentialRejectedException;
import nl.noodrem.zkp.CredentialRejectedException.Reason;
import nl.noodrem.zkp.MalformedInputException;
import nl.noodrem.zkp.bbs.Bbs;

/** {@link PresentationProver} for credentials of locally known schemas. */
public final class BbsPresentationProver implements PresentationProver {

  private final KnownSchemas known;
  private final Clock clock;

  public BbsPresentationProver(KnownSchemas known, Clock clock) {
    this.known = Objects.requireNonNull(known, "known");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Presentation prove(Credential credential, PresentationRequest request)
      throws MalformedInputException, CredentialRejectedException {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    if (!now.isBefore(request.expiresAt())) {
      throw new CredentialRejectedException(Reason.REQUEST_EXPIRED, "the presentation request has expired");
    }
    if (!credential.schema().equals(request.schema())) {
      throw new CredentialRejectedException(Reason.SCHEMA_MISMATCH, "the request is for another schema");
    }
    CredentialSchema schema = Documents.knownSchema(known, credential.schema());
    int[] indexes = new int[request.disclose().size()];
    for (int k = 0; k < indexes.length; k++) {
      String name = request.disclose().get(k);
      indexes[k] = schema.indexOf(name).orElseThrow(() ->
          new MalformedInputException("the request asks for '" + name + "', which the schema does not have"));
    }
    Arrays.sort(indexes);
    Map<String, AttributeValue> disclosed = new LinkedHashMap<>();
    for (int index : indexes) {
      String name = schema.attributes().get(index).name();
      disclosed.put(name, credential.attributes().get(name));
    }
    byte[] header = BbsHeaders.credentialHeader(credential.schema(), credential.issuerKeyId());
    byte[] ph = BbsHeaders.presentationHeader(request.nonce(), request.audience(), now);
    byte[] proof = Bbs.proofGen(credential.ciphersuite(), credential.issuerPublicKey(), credential.signature(),
        header, ph, AttributeEncoding.encodeAll(credential.ciphersuite(), schema, credential.attributes()), indexes);
    return new Presentation(credential.ciphersuite(), credential.schema(), credential.issuerKeyId(),
        request.audience(), request.nonce(), now, disclosed, proof);
  }
}
