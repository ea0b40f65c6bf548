package nl.noodrem.zkp.credential;

import java.time.Clock;
import java.util.Objects;
import nl.noodrem.zkp.CredentialRejectedException;
import nl.noodrem.zkp.CredentialRejectedException.Reason;
import nl.noodrem.zkp.InvalidSignatureException;
import nl.noodrem.zkp.MalformedInputException;
import nl.noodrem.zkp.TrustUnavailableException;
import nl.noodrem.zkp.bbs.Bbs;
import nl.noodrem.zkp.bbs.BbsPublicKey;
import nl.noodrem.zkp.trust.IssuerKeyDirectory;
import nl.noodrem.zkp.trust.IssuerKeyRecord;
import nl.noodrem.zkp.trust.SchemaDirectory;

/** {@link CredentialVerifier} against the trust directories (the chain) and the locally known schemas. */
public final class BbsCredentialVerifier implements CredentialVerifier {

  private final IssuerKeyDirectory keys;
  private final SchemaDirectory schemas;
  private final KnownSchemas known;
  private final Clock clock;

  public BbsCredentialVerifier(IssuerKeyDirectory keys, SchemaDirectory schemas, KnownSchemas known, Clock clock) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.schemas = Objects.requireNonNull(schemas, "schemas");
    this.known = Objects.requireNonNull(known, "known");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public VerifiedCredential verify(Credential credential)
      throws MalformedInputException, CredentialRejectedException, InvalidSignatureException,
          TrustUnavailableException {
    CredentialSchema schema = TrustChecks.schema(credential.schema(), known, schemas);
    IssuerKeyRecord key = TrustChecks.usableKey(credential.issuerKeyId(), keys, clock.instant());
    BbsPublicKey publicKey = TrustChecks.publicKey(key);
    if (!publicKey.equals(credential.issuerPublicKey())) {
      throw new CredentialRejectedException(Reason.ISSUER_MISMATCH,
          "the credential's copy of the public key is not the registered key " + credential.issuerKeyId());
    }
    byte[] header = BbsHeaders.credentialHeader(credential.schema(), credential.issuerKeyId());
    Bbs.verify(credential.ciphersuite(), publicKey, credential.signature(), header,
        AttributeEncoding.encodeAll(credential.ciphersuite(), schema, credential.attributes()));
    return new VerifiedCredential(credential, schema, key.issuerName());
  }
}
