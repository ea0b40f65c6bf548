package nl.noodrem.digid.spring;

import java.security.KeyStore;
import nl.noodrem.digid.tls.KeyMaterial.KeyEntry;

/**
 * Fallbacks for settings left empty in development, offered only by the DigiD simulator (dev profile). In
 * production no bean of this type exists, so an empty setting fails the start instead of falling back.
 */
public interface DigidDevelopmentDefaults {

  /** Where the simulator wrote its IdP metadata (a {@code file:} location). */
  String idpMetadataLocation();

  KeyEntry spSigningKey();

  KeyEntry spTlsKey();

  /** Trusts the simulator's TLS server certificate. */
  KeyStore idpTlsTrustStore();
}
