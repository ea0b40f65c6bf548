package nl.noodrem.zkp.credential;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.noodrem.zkp.MalformedInputException;
import nl.noodrem.zkp.bbs.Bbs;
import nl.noodrem.zkp.bbs.BbsCiphersuite;
import nl.noodrem.zkp.bbs.BbsScalar;
import nl.noodrem.zkp.keys.IssuerSigningKey;

/**
 * {@link CredentialSigner} for one schema and one issuer key. If the schema has an {@code issuerOin} attribute,
 * its value must be the OIN of the signing key, so an issuer cannot sign in another issuer's name by mistake.
 */
public final class BbsCredentialSigner implements CredentialSigner {

  private final BbsCiphersuite suite;
  private final CredentialSchema schema;
  private final IssuerSigningKey key;
  private final Clock clock;

  public BbsCredentialSigner(BbsCiphersuite suite, CredentialSchema schema, IssuerSigningKey key, Clock clock) {
    this.suite = Objects.requireNonNull(suite, "suite");
    this.schema = Objects.requireNonNull(schema, "schema");
    this.key = Objects.requireNonNull(key, "key");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Credential sign(Map<String, AttributeValue> attributes) throws MalformedInputException {
    Map<String, AttributeValue> ordered = AttributeEncoding.ordered(schema, attributes);
    AttributeValue issuerOin = ordered.get("issuerOin");
    if (issuerOin != null && !issuerOin.equals(AttributeValue.string(key.keyId().issuerOin().value()))) {
      throw new MalformedInputException("issuerOin must be the OIN of the signing key " + key.keyId());
    }
    List<BbsScalar> messages = AttributeEncoding.encodeAll(suite, schema, ordered);
    byte[] header = BbsHeaders.credentialHeader(schema.ref(), key.keyId());
    byte[] signature = Bbs.sign(suite, key.secretKey(), header, messages);
    return new Credential(suite, schema.ref(), key.keyId(), key.publicKey(),
        clock.instant().truncatedTo(ChronoUnit.SECONDS), ordered, signature);
  }
}
