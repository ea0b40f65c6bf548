package nl.noodrem.digid.spring;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.noodrem.digid.DigidLevel;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which level to ask DigiD for: by an explicit level name, by a configured use ({@code brake}), or by the
 * path being visited ({@code noodrem.digid.path-levels}); a login never asks less than its return path's
 * minimum ({@link #levelForLogin}).
 */
public final class DigidLevelPolicy {

  private record PathLevel(PathPattern pattern, DigidLevel level) {}

  private final DigidLevel defaultLevel;
  private final Map<String, DigidLevel> uses;
  private final List<PathLevel> pathLevels;

  public DigidLevelPolicy(DigidLevel defaultLevel, Map<String, DigidLevel> uses, Map<String, DigidLevel> pathLevels) {
    this.defaultLevel = defaultLevel;
    this.uses = Map.copyOf(uses);
    PathPatternParser parser = new PathPatternParser();
    this.pathLevels = pathLevels.entrySet().stream().map(e -> new PathLevel(parser.parse(e.getKey()), e.getValue())).toList();
  }

  public DigidLevel defaultLevel() {
    return defaultLevel;
  }

  /** A level name ({@code substantieel}) or a use name ({@code brake}); anything else gives the default. */
  public DigidLevel resolve(String levelOrUse) {
    if (levelOrUse == null || levelOrUse.isBlank()) {
      return defaultLevel;
    }
    return DigidLevel.fromName(levelOrUse).or(() -> Optional.ofNullable(uses.get(levelOrUse))).orElse(defaultLevel);
  }

  /**
   * The level a login asks DigiD for: the requested level or use ({@link #resolve}), raised to the minimum
   * configured for the path the login returns to. A client can ask for more than a route needs, never for
   * less: {@code /digid/login?level=BASIS&returnTo=/brake} still asks for the brake's level.
   *
   * @param returnPathWithinApplication the return path without context path; a query string is ignored
   */
  public DigidLevel levelForLogin(String levelOrUse, String returnPathWithinApplication) {
    DigidLevel requested = resolve(levelOrUse);
    String path = returnPathWithinApplication == null ? "/" : returnPathWithinApplication;
    int cut = indexOfAny(path, '?', '#');
    path = cut < 0 ? path : path.substring(0, cut);
    DigidLevel floor = levelForPath(path.isEmpty() ? "/" : path).orElse(requested);
    return floor.isAtLeast(requested) ? floor : requested;
  }

  private static int indexOfAny(String s, char a, char b) {
    int i = s.indexOf(a);
    int j = s.indexOf(b);
    return i < 0 ? j : j < 0 ? i : Math.min(i, j);
  }

  /**
   * The highest level configured for a path (relative to the context path), if any pattern matches.
   */
  public Optional<DigidLevel> levelForPath(String pathWithinApplication) {
    PathContainer path = PathContainer.parsePath(pathWithinApplication);
    return pathLevels.stream().filter(p -> p.pattern().matches(path)).map(PathLevel::level).max(Enum::compareTo);
  }
}
