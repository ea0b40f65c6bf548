package nl.noodrem.zkp.credential;

import java.time.Instant;
import java.util.Optional;
import nl.noodrem.zkp.CredentialRejectedException;
import nl.noodrem.zkp.CredentialRejectedException.Reason;
import nl.noodrem.zkp.MalformedInputException;
import nl.noodrem.zkp.TrustUnavailableException;
import nl.noodrem.zkp.bbs.BbsPublicKey;
import nl.noodrem.zkp.keys.IssuerKeyId;
import nl.noodrem.zkp.trust.IssuerKeyDirectory;
import nl.noodrem.zkp.trust.IssuerKeyRecord;
import nl.noodrem.zkp.trust.SchemaDirectory;
import nl.noodrem.zkp.trust.SchemaRecord;
import nl.noodrem.zkp.trust.TrustLookupException;

/** The schema and issuer-key checks shared by credential and presentation verification. */
final class TrustChecks {

  private TrustChecks() {}

  /** The full schema for a reference: known locally, registered on chain, and both with the same hash. */
  static CredentialSchema schema(SchemaRef ref, KnownSchemas known, SchemaDirectory directory)
      throws CredentialRejectedException, TrustUnavailableException {
    CredentialSchema schema = known.find(ref.id(), ref.version()).orElseThrow(() ->
        new CredentialRejectedException(Reason.SCHEMA_UNKNOWN, ref.id() + " v" + ref.version() + " is not known here"));
    if (!schema.ref().equals(ref)) {
      throw new CredentialRejectedException(Reason.SCHEMA_MISMATCH, "document hash differs from the known schema");
    }
    Optional<SchemaRecord> record;
    try {
      record = directory.findSchema(ref.id(), ref.version());
    } catch (TrustLookupException e) {
      throw new TrustUnavailableException("schema directory did not answer", e);
    }
    if (record.isEmpty()) {
      throw new CredentialRejectedException(Reason.SCHEMA_UNKNOWN, ref.id() + " v" + ref.version() + " is not registered");
    }
    if (!schema.matches(record.get())) {
      throw new CredentialRejectedException(Reason.SCHEMA_MISMATCH, "registered schema differs from the known one");
    }
    return schema;
  }

  /** The issuer key record, usable at {@code now}, whose OIN is the key id's. */
  static IssuerKeyRecord usableKey(IssuerKeyId keyId, IssuerKeyDirectory directory, Instant now)
      throws CredentialRejectedException, TrustUnavailableException {
    Optional<IssuerKeyRecord> found;
    try {
      found = directory.findKey(keyId.value());
    } catch (TrustLookupException e) {
      throw new TrustUnavailableException("issuer key directory did not answer", e);
    }
    IssuerKeyRecord key = found.orElseThrow(() ->
        new CredentialRejectedException(Reason.ISSUER_KEY_UNKNOWN, "no issuer key " + keyId));
    if (!key.keyId().equals(keyId.value()) || !key.issuerOin().equals(keyId.issuerOin().value())) {
      throw new CredentialRejectedException(Reason.ISSUER_MISMATCH, "directory returned another issuer's key");
    }
    if (key.keyRevoked()) {
      throw new CredentialRejectedException(Reason.ISSUER_KEY_REVOKED, "issuer key " + keyId + " is revoked");
    }
    if (!key.issuerActive()) {
      throw new CredentialRejectedException(Reason.ISSUER_INACTIVE, "issuer of " + keyId + " is suspended");
    }
    if (now.isBefore(key.validFrom())) {
      throw new CredentialRejectedException(Reason.ISSUER_KEY_NOT_YET_VALID, "issuer key " + keyId + " not yet valid");
    }
    if (!now.isBefore(key.validUntil())) {
      throw new CredentialRejectedException(Reason.ISSUER_KEY_EXPIRED, "issuer key " + keyId + " has expired");
    }
    if (!key.usableAt(now)) { // belt and braces: the record's own rule must agree
      throw new CredentialRejectedException(Reason.ISSUER_KEY_EXPIRED, "issuer key " + keyId + " is not usable");
    }
    return key;
  }

  static BbsPublicKey publicKey(IssuerKeyRecord key) throws TrustUnavailableException {
    try {
      return BbsPublicKey.fromBytes(key.publicKey());
    } catch (MalformedInputException e) {
      throw new TrustUnavailableException("issuer key directory holds an invalid public key for " + key.keyId(), e);
    }
  }
}
