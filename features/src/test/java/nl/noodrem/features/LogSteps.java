package nl.noodrem.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Then;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;

/**
 * Marks each scenario's start and end in the application's log, and reads the whole run's log at the end: the happy
 * path logs no ERROR and no stack trace. Scenarios that break a system on purpose are tagged
 * {@value #BREAKS_A_SYSTEM}; what they log is theirs to explain, and it is not read here.
 */
public class LogSteps {

  static final String BREAKS_A_SYSTEM = "@breaks-a-system";
  private static final Logger LOG = LoggerFactory.getLogger(LogSteps.class);
  private static final String BEGINS = "scenario begins: ";
  private static final String ENDS = "scenario ends: ";
  private static final String RUN_STARTS = "Starting " + NoodremUnderTest.class.getSimpleName() + " using Java";
  private static final Pattern ERROR_LINE = Pattern.compile("^\\S+\\s+ERROR\\s.*");
  private static final Pattern STACK_LINE = Pattern.compile("^(\\s+at \\S+\\(.*\\)|Caused by: .*|\\s+\\.\\.\\. \\d+ more)$");

  @Value("${logging.file.name}")
  String logFile;

  @Before(order = 0)
  public void marksTheStart(Scenario scenario) {
    LOG.info("{}{} {}", BEGINS, scenario.getName(), scenario.getSourceTagNames());
  }

  @After(order = Integer.MAX_VALUE)
  public void marksTheEnd(Scenario scenario) {
    LOG.info("{}{}", ENDS, scenario.getName());
  }

  @Then("the application log holds no ERROR line and no stack trace, except in scenarios that break a system")
  public void theLogHoldsNoErrors() throws Exception {
    List<String> all = Files.readAllLines(Path.of(logFile), StandardCharsets.UTF_8);
    // the file is appended to by every run: read this run's part, from the last start of the application under test
    int start = 0;
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).contains(RUN_STARTS)) {
        start = i;
      }
    }
    List<String> lines = all.subList(start, all.size());
    assertThat(lines.get(0)).as("this run's start").contains(RUN_STARTS);
    assertThat(lines).as("the log was written").anyMatch(l -> l.contains("Noodrem is running"));
    assertThat(lines).as("scenarios were marked").anyMatch(l -> l.contains(BEGINS));
    List<String> findings = new ArrayList<>();
    String scenario = "(start-up)";
    boolean excused = false;
    for (String line : lines) {
      int begins = line.indexOf(BEGINS);
      if (begins >= 0) {
        scenario = line.substring(begins + BEGINS.length());
        excused = scenario.contains(BREAKS_A_SYSTEM);
        continue;
      }
      if (line.contains(ENDS)) {
        scenario = "(between scenarios)";
        excused = false;
        continue;
      }
      if (!excused && (ERROR_LINE.matcher(line).matches() || STACK_LINE.matcher(line).matches())) {
        findings.add(scenario + ": " + line);
      }
    }
    assertThat(findings).as("ERROR lines and stack traces outside scenarios that break a system").isEmpty();
  }
}
