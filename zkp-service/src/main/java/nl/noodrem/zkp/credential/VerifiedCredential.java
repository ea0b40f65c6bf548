package nl.noodrem.zkp.credential;

import java.util.Objects;

/**
 * A credential whose signature, schema and issuer key were checked.
 *
 * @param issuerName the issuer's display name from the trust directory
 */
public record VerifiedCredential(Credential credential, CredentialSchema schema, String issuerName) {
  public VerifiedCredential {
    Objects.requireNonNull(credential, "credential");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(issuerName, "issuerName");
  }
}
