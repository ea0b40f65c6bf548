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
 * path being visited ({@code noodrem.digid.path-levels}).
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
   * The highest level configured for a path (relative to the context path), if any pattern matches.
   */
  public Optional<DigidLevel> levelForPath(String pathWithinApplication) {
    PathContainer path = PathContainer.parsePath(pathWithinApplication);
    return pathLevels.stream().filter(p -> p.pattern().matches(path)).map(PathLevel::level).max(Enum::compareTo);
  }
}
