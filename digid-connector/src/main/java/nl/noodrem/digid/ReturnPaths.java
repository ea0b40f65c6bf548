package nl.noodrem.digid;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Redirect targets stay on our host: only absolute local paths ({@code /brake?x=1}) pass, everything else
 * (other hosts, {@code //evil}, {@code /\\evil}, schemes, control characters) becomes the fallback.
 */
public final class ReturnPaths {

  public static final int MAX_LENGTH = 2048;

  private ReturnPaths() {}

  public static boolean isLocalPath(String candidate) {
    if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
      return false;
    }
    if (candidate.charAt(0) != '/' || candidate.startsWith("//")) {
      return false;
    }
    for (int i = 0; i < candidate.length(); i++) {
      char c = candidate.charAt(i);
      // backslashes are read as slashes by browsers ("/\evil.example"); controls split headers
      if (c == '\\' || c < 0x20 || c == 0x7f) {
        return false;
      }
    }
    try {
      URI uri = new URI(candidate);
      return uri.getScheme() == null && uri.getRawAuthority() == null && uri.getRawFragment() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** {@code candidate} when it is a local path, else {@code fallback}. */
  public static String sanitize(String candidate, String fallback) {
    return isLocalPath(candidate) ? candidate : fallback;
  }

  /** Adds {@code name=value} to a local path, before any fragment. Both must be URL-safe already. */
  public static String withFlag(String path, String name, String value) {
    return path + (path.contains("?") ? "&" : "?") + name + "=" + value;
  }
}
