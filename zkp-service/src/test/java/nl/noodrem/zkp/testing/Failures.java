package nl.noodrem.zkp.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects conformance failures by case id so that a data-driven test reports every failing vector at once, not
 * just the first.
 */
public final class Failures {

  private final List<String> failures = new ArrayList<>();
  private int checked;

  /** Runs one case; any assertion error or exception is recorded under the case id. */
  public void check(String caseId, ThrowingRunnable body) {
    checked++;
    try {
      body.run();
    } catch (AssertionError | Exception e) {
      failures.add(caseId + ": " + e);
    }
  }

  public void expectEqual(String caseId, String what, String expected, String actual) {
    if (!expected.equals(actual)) {
      failures.add(caseId + ": " + what + " expected " + expected + " but was " + actual);
    }
  }

  public int checked() {
    return checked;
  }

  public void assertNone() {
    assertThat(failures).as("failing cases (%d checked)", checked).isEmpty();
  }

  @FunctionalInterface
  public interface ThrowingRunnable {
    void run() throws Exception;
  }
}
