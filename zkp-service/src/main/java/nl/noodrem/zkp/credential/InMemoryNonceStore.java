package nl.noodrem.zkp.credential;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import nl.noodrem.zkp.NonceStoreException;
import nl.noodrem.zkp.json.Json;

/**
 * A {@link NonceStore} in this JVM's memory: correct for one node, lost on restart (a restart therefore
 * invalidates outstanding requests, which fails safe). Expired entries are purged after a grace period on each
 * {@link #remember}.
 */
public final class InMemoryNonceStore implements NonceStore {

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration retainAfterExpiry;

  public InMemoryNonceStore(Clock clock, Duration retainAfterExpiry) {
    this.clock = clock;
    this.retainAfterExpiry = retainAfterExpiry;
  }

  public InMemoryNonceStore() {
    this(Clock.systemUTC(), Duration.ofDays(1));
  }

  @Override
  public void remember(PresentationRequest request) throws NonceStoreException {
    purgeExpired();
    Entry previous = entries.putIfAbsent(request.nonceText(), new Entry(request, Optional.empty()));
    if (previous != null) {
      throw new NonceStoreException("nonce already issued");
    }
  }

  @Override
  public Optional<Entry> find(byte[] nonce) {
    return Optional.ofNullable(entries.get(Json.base64(nonce)));
  }

  @Override
  public boolean markUsed(byte[] nonce, Instant at) {
    String key = Json.base64(nonce);
    boolean[] used = {false};
    entries.computeIfPresent(key, (k, entry) -> {
      if (entry.usedAt().isEmpty()) {
        used[0] = true;
        return new Entry(entry.request(), Optional.of(at));
      }
      return entry;
    });
    return used[0];
  }

  private void purgeExpired() {
    Instant cutoff = clock.instant().minus(retainAfterExpiry);
    entries.values().removeIf(e -> e.request().expiresAt().isBefore(cutoff));
  }
}
