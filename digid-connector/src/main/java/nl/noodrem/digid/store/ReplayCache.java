package nl.noodrem.digid.store;

import java.time.Instant;

/**
 * Remembers single-use values (artifacts, assertion IDs) until they expire, across all app nodes.
 *
 * <p>Guarantee: for a given kind and value, {@link #firstUse} returns true to exactly one caller before
 * {@code expiresAt}. Values are stored hashed.
 */
public interface ReplayCache {

  String ARTIFACT = "artifact";
  String ASSERTION = "assertion";

  /** @return true the first time; false when the value was seen before and has not expired */
  boolean firstUse(String kind, String value, Instant expiresAt, Instant now);

  /** Deletes expired entries. @return how many */
  int purgeExpired(Instant now);
}
