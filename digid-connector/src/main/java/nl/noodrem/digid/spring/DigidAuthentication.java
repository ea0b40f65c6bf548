package nl.noodrem.digid.spring;

import java.io.Serial;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nl.noodrem.digid.AuthenticatedCitizen;
import nl.noodrem.digid.DigidLevel;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A Spring Security authentication for a citizen logged in with DigiD. The principal is the {@link
 * AuthenticatedCitizen}. Authorities: {@code ROLE_CITIZEN} and {@code DIGID_LEVEL_<L>} for the returned
 * level and every lower one, so {@code hasAuthority("DIGID_LEVEL_SUBSTANTIEEL")} admits Substantieel and
 * Hoog. {@link #getName()} never returns the BSN (names end up in logs).
 */
public final class DigidAuthentication extends org.springframework.security.authentication.AbstractAuthenticationToken {

  @Serial private static final long serialVersionUID = 1L;

  public static final String ROLE_CITIZEN = "ROLE_CITIZEN";

  private final AuthenticatedCitizen citizen;

  public DigidAuthentication(AuthenticatedCitizen citizen) {
    super(authorities(citizen.level()));
    this.citizen = Objects.requireNonNull(citizen);
    super.setAuthenticated(true);
  }

  /** Authority names for a level: the role and every level up to it. */
  public static List<GrantedAuthority> authorities(DigidLevel level) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    authorities.add(new SimpleGrantedAuthority(ROLE_CITIZEN));
    for (DigidLevel l : DigidLevel.values()) {
      if (level.isAtLeast(l)) {
        authorities.add(new SimpleGrantedAuthority(l.authority()));
      }
    }
    return authorities;
  }

  public AuthenticatedCitizen citizen() {
    return citizen;
  }

  @Override
  public AuthenticatedCitizen getPrincipal() {
    return citizen;
  }

  @Override
  public Object getCredentials() {
    return null; // the assertion is not kept
  }

  @Override
  public String getName() {
    return "digid-citizen";
  }

  @Override
  public void setAuthenticated(boolean authenticated) {
    if (authenticated) {
      throw new IllegalArgumentException("only the DigiD ACS creates authenticated tokens");
    }
    super.setAuthenticated(false);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DigidAuthentication other && super.equals(other) && citizen.equals(other.citizen);
  }

  @Override
  public int hashCode() {
    return 31 * super.hashCode() + citizen.hashCode();
  }

  @Override
  public String toString() {
    return "DigidAuthentication[level=" + citizen.level() + ", sessionExpiry=" + citizen.sessionExpiry() + "]";
  }
}
