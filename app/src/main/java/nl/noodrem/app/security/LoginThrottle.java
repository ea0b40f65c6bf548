package nl.noodrem.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Counts failed staff logins per (source address, user name) and per source address in a sliding window, and says
 * when a source must wait. It never locks an account: the wait applies to the source that failed, so someone who
 * guesses passwords from one address cannot keep a colleague at another address out.
 *
 * <p>Thread-safe; memory is bounded by {@link StaffProperties.Login#maxTrackedKeys()} (the least recently used
 * counters go first). Counters are per node: a cluster of n nodes allows at most n times the limit, which is still
 * far too slow for guessing (ADR 0010).
 */
public final class LoginThrottle {

  private final StaffProperties.Login limits;
  private final Clock clock;
  private final Map<String, Deque<Instant>> failures;

  public LoginThrottle(StaffProperties.Login limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
    this.failures = new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
        return size() > limits.maxTrackedKeys();
      }
    };
  }

  /** How long {@code address} must wait before trying {@code user} again; empty when it may try now. */
  public synchronized Optional<Duration> waitBefore(String address, String user) {
    Instant now = clock.instant();
    Optional<Duration> perUser = waitFor(key(address, user), limits.maxFailuresPerUser(), now);
    Optional<Duration> perAddress = waitFor(address, limits.maxFailuresPerAddress(), now);
    if (perUser.isPresent() && perAddress.isPresent()) {
      return Optional.of(perUser.get().compareTo(perAddress.get()) >= 0 ? perUser.get() : perAddress.get());
    }
    return perUser.isPresent() ? perUser : perAddress;
  }

  /** Records a failed login of {@code user} from {@code address}. */
  public synchronized void failed(String address, String user) {
    Instant now = clock.instant();
    failures.computeIfAbsent(key(address, user), k -> new ArrayDeque<>()).addLast(now);
    failures.computeIfAbsent(address, k -> new ArrayDeque<>()).addLast(now);
  }

  /** A successful login clears that user's failures from that address (not the address's total). */
  public synchronized void succeeded(String address, String user) {
    failures.remove(key(address, user));
  }

  private Optional<Duration> waitFor(String key, int max, Instant now) {
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return Optional.empty();
    }
    Instant horizon = now.minus(limits.window());
    while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
      times.pollFirst();
    }
    if (times.isEmpty()) {
      failures.remove(key);
      return Optional.empty();
    }
    if (times.size() < max) {
      return Optional.empty();
    }
    // the source may try again when enough of its failures have left the window
    Instant oldestCounting = times.stream().skip(times.size() - max).findFirst().orElseThrow();
    return Optional.of(Duration.between(now, oldestCounting.plus(limits.window())));
  }

  private static String key(String address, String user) {
    return address + "\u0000" + (user == null ? "" : user.toLowerCase(Locale.ROOT));
  }
}
