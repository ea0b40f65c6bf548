package nl.noodrem.app.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code noodrem.staff.*}: where the staff surfaces answer and how their logins are throttled (ADR 0010).
 *
 * @param port the staff connector's port. When set, Cockpit, Tasklist, Admin ({@code /camunda/**}), the engine's
 *     REST API ({@code /engine-rest/**}) and the operator API ({@code /api/v1/beheer/**}) answer only on this port
 *     and the citizen port answers 404 for them; the staff port answers 404 for everything else. Empty: one port for
 *     all (development). {@code 0} picks a free port (tests).
 * @param address the interface the staff connector binds to; empty: the one {@code server.address} names (all
 *     interfaces when that is empty too)
 * @param login throttling of staff logins
 */
@ConfigurationProperties("noodrem.staff")
public record StaffProperties(Integer port, String address, @DefaultValue Login login) {

  /**
   * Failed staff logins are counted per source address and user name and per source address; past a limit that
   * source gets 429 for the rest of the window. An account is never locked: another source still logs in.
   *
   * @param maxFailuresPerUser failed logins for one user name from one address within {@code window}
   * @param maxFailuresPerAddress failed logins for any user name from one address within {@code window}
   * @param window how long a failure counts
   * @param maxTrackedKeys bound on the memory the counters take (oldest entries are dropped first)
   */
  public record Login(
      @DefaultValue("5") int maxFailuresPerUser,
      @DefaultValue("20") int maxFailuresPerAddress,
      @DefaultValue("15m") Duration window,
      @DefaultValue("10000") int maxTrackedKeys) {

    public Login {
      if (maxFailuresPerUser < 1 || maxFailuresPerAddress < maxFailuresPerUser) {
        throw new IllegalArgumentException("noodrem.staff.login: 1 <= max-failures-per-user <= max-failures-per-address");
      }
      if (window.isNegative() || window.isZero() || maxTrackedKeys < 100) {
        throw new IllegalArgumentException("noodrem.staff.login: window must be positive and max-tracked-keys at least 100");
      }
    }
  }
}
