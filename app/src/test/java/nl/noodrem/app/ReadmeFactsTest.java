package nl.noodrem.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.noodrem.digid.simulator.DigidSimulatorProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** What the root README tells a newcomer to try is what the development system offers. */
class ReadmeFactsTest {

  private static final Path README = Path.of("../README.md");
  private static final Pattern TEST_BSN = Pattern.compile("`(\\d{9})`");

  @Test
  void digidSimulator_offersEveryTestBsnTheReadmeNames() throws IOException {
    Set<String> named = new LinkedHashSet<>();
    Matcher m = TEST_BSN.matcher(Files.readString(README, StandardCharsets.UTF_8));
    while (m.find()) {
      named.add(m.group(1));
    }
    DigidSimulatorProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
        .bindOrCreate("noodrem.digid.simulator", DigidSimulatorProperties.class);

    assertThat(named).contains("999993653", "999990019", "111222333");
    assertThat(defaults.testBsns()).containsAll(named);
  }

  @Test
  void readme_countsTheOpenCasesOfTheMainTestCitizenAsTheStandInHasThem() throws IOException {
    String seed;
    try (InputStream in = getClass().getResourceAsStream("/standin/db/cjib-seed.sql")) {
      assertThat(in).as("the collection system stand-in's seed data").isNotNull();
      seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    long open = seed.lines().filter(l -> l.contains("'999993653'") && l.contains("'OPEN'")).count();

    assertThat(open).isEqualTo(3);
    assertThat(Files.readString(README, StandardCharsets.UTF_8))
        .contains("`999993653` has a debt-help decision at Den Haag and three open cases at CJIB");
  }
}
