package nl.noodrem.digid;

import java.util.Locale;
import java.util.Optional;

/**
 * DigiD assurance levels in ascending order, each with the SAML {@code AuthnContextClassRef} DigiD uses
 * for it (Logius, Koppelvlakspecificatie DigiD SAML Authenticatie).
 *
 * <p>The declaration order is the assurance order: {@link #isAtLeast(DigidLevel)} relies on it. Basis and
 * Midden count as eIDAS "low".
 */
public enum DigidLevel {
  BASIS("urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"),
  MIDDEN("urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract"),
  SUBSTANTIEEL("urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard"),
  HOOG("urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI");

  private final String authnContextClassRef;

  DigidLevel(String authnContextClassRef) {
    this.authnContextClassRef = authnContextClassRef;
  }

  public String authnContextClassRef() {
    return authnContextClassRef;
  }

  /** True when this level gives at least the assurance of {@code required}. */
  public boolean isAtLeast(DigidLevel required) {
    return compareTo(required) >= 0;
  }

  /**
   * The Spring Security authority name for this level ({@code DIGID_LEVEL_SUBSTANTIEEL}); kept here as a
   * plain string so that the core does not depend on Spring.
   */
  public String authority() {
    return "DIGID_LEVEL_" + name();
  }

  /** The level whose class reference equals {@code classRef} exactly; empty for anything else. */
  public static Optional<DigidLevel> fromAuthnContextClassRef(String classRef) {
    for (DigidLevel level : values()) {
      if (level.authnContextClassRef.equals(classRef)) {
        return Optional.of(level);
      }
    }
    return Optional.empty();
  }

  /** Parses a level name case-insensitively ({@code substantieel}); empty when it names no level. */
  public static Optional<DigidLevel> fromName(String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
