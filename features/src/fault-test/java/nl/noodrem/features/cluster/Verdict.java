package nl.noodrem.features.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Where every brake of a cluster run ended, counted from the databases and logs, against where it should be. */
final class Verdict {

  int brakes;
  int heldTwelveMonths;
  int expectedTwelveMonths;
  int inReview;
  int expectedInReview;
  int inGrace;
  int expectedInGrace;
  int holdCommandsCarriedOut;
  int expectedHoldCommands;
  int brakesWithExtraHolds;
  int casesNotAsExpected;
  int runningBrakeInstances;
  int brakeRegisterRows;
  int incidents;
  int failingJobs;
  int operationsTasks;
  int openDeadLetters;
  int bsnHitsInLogs;
  int earlyAcknowledgements;
  int loginsAfterTheFirst;
  final List<String> problems = new ArrayList<>();

  static Verdict of(Cluster cluster, List<ClusterCitizen> citizens, List<ClusterCitizen> revoked, int bailiff)
      throws SQLException, IOException {
    Verdict v = new Verdict();
    Set<ClusterCitizen> revokedSet = new HashSet<>(revoked);
    try (Connection app = cluster.appDatabase(); Connection cjib = cluster.collectionDatabase()) {
      for (int i = 0; i < citizens.size(); i++) {
        ClusterCitizen c = citizens.get(i);
        v.brakes++;
        v.loginsAfterTheFirst += Math.max(0, c.logins - 1);
        boolean isBailiff = i < bailiff;
        boolean isRevoked = revokedSet.contains(c);
        int months = isBailiff ? 4 : 12;
        int expectedHolds = isBailiff ? 1 : 2;
        v.expectedHoldCommands += expectedHolds;
        if (c.brakeRef == null) {
          v.problems.add("citizen " + i + " never got a brake reference");
          continue;
        }
        LocalDate until = c.pulledOn.plusMonths(months);
        boolean casesOk = true;
        for (String caseNumber : c.cases) {
          LocalDate held = one(cjib, "SELECT UITSTEL_TOT FROM CJIB_ZAAK WHERE ZAAKNUMMER = ?", caseNumber, LocalDate.class);
          if (!until.equals(held)) {
            casesOk = false;
            v.casesNotAsExpected++;
          }
        }
        int holds = count(cjib, "SELECT COUNT(*) FROM CJIB_VERWERKTE_OPDRACHT WHERE OPDRACHT_ID LIKE ?",
            c.brakeRef + "/hold/%");
        v.holdCommandsCarriedOut += holds;
        if (holds > expectedHolds) {
          v.brakesWithExtraHolds++;
          v.problems.add(c.brakeRef + ": " + holds + " hold commands took effect, expected " + expectedHolds);
        }
        if (isBailiff) {
          v.expectedInReview++;
          if (count(app, "SELECT COUNT(*) FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION p ON p.ID_ = t.PROC_INST_ID_"
              + " WHERE p.BUSINESS_KEY_ = ? AND t.TASK_DEF_KEY_ = 'Task_ReviewHoldDecision'", c.brakeRef) == 1 && casesOk) {
            v.inReview++;
          }
        } else if (isRevoked) {
          v.expectedInGrace++;
          if (timer(app, c.brakeRef, "Event_GracePeriodOver") && casesOk) {
            v.inGrace++;
          }
        } else {
          v.expectedTwelveMonths++;
          if (timer(app, c.brakeRef, "Event_HoldEnded") && casesOk) {
            v.heldTwelveMonths++;
          }
        }
      }
      v.runningBrakeInstances = count(app, "SELECT COUNT(*) FROM ACT_RU_EXECUTION e JOIN ACT_RE_PROCDEF d"
          + " ON d.ID_ = e.PROC_DEF_ID_ WHERE e.ID_ = e.PROC_INST_ID_ AND d.KEY_ = ?", "emergency-brake");
      v.brakeRegisterRows = count(app, "SELECT COUNT(*) FROM noodrem_brake");
      v.incidents = count(app, "SELECT COUNT(*) FROM ACT_RU_INCIDENT");
      v.failingJobs = count(app, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE EXCEPTION_MSG_ IS NOT NULL");
      v.operationsTasks = count(app, "SELECT COUNT(*) FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ LIKE ?", "Task_Check%Ack");
      v.openDeadLetters = count(app, "SELECT COUNT(*) FROM NOODREM_DEAD_LETTER WHERE STATUS = ?", "OPEN");
    }
    v.bsnHitsInLogs = bsnHits(cluster.dir.resolve("logs"), citizens);
    v.earlyAcknowledgements = linesContaining(cluster.dir.resolve("logs"),
        nl.noodrem.processes.service.DefaultProcessGateway.EARLY_ACKNOWLEDGEMENT);
    return v;
  }

  boolean settled() {
    return heldTwelveMonths == expectedTwelveMonths && inReview == expectedInReview && inGrace == expectedInGrace
        && failingJobs == 0 && operationsTasks == 0 && holdCommandsCarriedOut == expectedHoldCommands;
  }

  void print(List<String> timeline, Map<String, long[]> memory, long gaveUp) {
    StringBuilder t = new StringBuilder("\n==== Noodrem fault test: 2 nodes, PostgreSQL, Artemis, dev chain ====\n");
    timeline.forEach(line -> t.append("  ").append(line).append('\n'));
    t.append(String.format("%n  %-62s %8s %8s%n", "", "actual", "expected"));
    row(t, "brakes pulled", brakes, brakes);
    row(t, "citizens who gave up", (int) gaveUp, 0);
    row(t, "held 12 months (first hold + extension acknowledged)", heldTwelveMonths, expectedTwelveMonths);
    row(t, "bailiff stage: 4-month hold, case officer's review task", inReview, expectedInReview);
    row(t, "credential revoked on chain: in the grace period", inGrace, expectedInGrace);
    row(t, "hold commands carried out by the collection system", holdCommandsCarriedOut, expectedHoldCommands);
    row(t, "brakes with a hold placed more than once", brakesWithExtraHolds, 0);
    row(t, "cases not held until the expected day", casesNotAsExpected, 0);
    row(t, "running brake instances", runningBrakeInstances, brakes);
    row(t, "brake register rows (one per citizen)", brakeRegisterRows, brakes);
    row(t, "incidents (a person must act)", incidents, 0);
    row(t, "jobs still failing", failingJobs, 0);
    row(t, "operations tasks for an overdue acknowledgement", operationsTasks, 0);
    row(t, "open dead letters", openDeadLetters, 0);
    row(t, "test BSNs found in the nodes' logs", bsnHitsInLogs, 0);
    row(t, "acknowledgements that arrived before the brake waited for them", earlyAcknowledgements, 0);
    t.append(String.format("  %-62s %8d%n", "logins repeated after a node or DigiD was lost", loginsAfterTheFirst));
    t.append(String.format("  %-62s %8d%n", "citizen actions repeated after an error", Journey.RETRIED_ACTIONS.get()));
    t.append(String.format("  %-62s %8d%n", "proofs presented (accepted once per brake)", Journey.PROOFS_PRESENTED.get()));
    memory.forEach((node, mb) -> t.append(String.format("  %-62s %5d MB (peak %d MB)%n",
        "resident memory of " + node + " after the run", mb[0], mb[1])));
    problems.stream().limit(20).forEach(p -> t.append("  ! ").append(p).append('\n'));
    System.out.println(t);
  }

  void assertAllAsExpected() {
    assertThat(heldTwelveMonths).as("held 12 months").isEqualTo(expectedTwelveMonths);
    assertThat(inReview).as("in review").isEqualTo(expectedInReview);
    assertThat(inGrace).as("in grace after revocation (no revocation event lost)").isEqualTo(expectedInGrace);
    assertThat(brakesWithExtraHolds).as("brakes with a hold placed twice").isZero();
    assertThat(holdCommandsCarriedOut).as("hold commands carried out").isEqualTo(expectedHoldCommands);
    assertThat(casesNotAsExpected).as("cases not held as expected").isZero();
    assertThat(runningBrakeInstances).as("one brake per citizen").isEqualTo(brakes);
    assertThat(brakeRegisterRows).as("one register row per citizen").isEqualTo(brakes);
    assertThat(incidents).as("incidents").isZero();
    assertThat(failingJobs).as("jobs still failing").isZero();
    assertThat(operationsTasks).as("operations tasks").isZero();
    assertThat(openDeadLetters).as("dead letters").isZero();
    assertThat(bsnHitsInLogs).as("BSNs in logs").isZero();
    assertThat(earlyAcknowledgements).as("acknowledgements before their wait (commands leave after commit)").isZero();
  }

  private static void row(StringBuilder t, String what, int actual, int expected) {
    t.append(String.format("  %-62s %8d %8d%s%n", what, actual, expected, actual == expected ? "" : "   <-- differs"));
  }

  private static boolean timer(Connection app, String brakeRef, String activity) throws SQLException {
    return count(app, "SELECT COUNT(*) FROM ACT_RU_JOB j JOIN ACT_RU_EXECUTION p ON p.ID_ = j.PROCESS_INSTANCE_ID_"
        + " WHERE p.BUSINESS_KEY_ = ? AND j.HANDLER_CFG_ LIKE ?", brakeRef, activity + "%") > 0;
  }

  private static int count(Connection c, String sql, Object... args) throws SQLException {
    Long n = one(c, sql, args.length == 0 ? null : args[0], Long.class, args);
    return n == null ? 0 : n.intValue();
  }

  private static <T> T one(Connection c, String sql, Object arg, Class<T> type, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Object[] all = args.length > 0 ? args : (arg == null ? new Object[0] : new Object[] {arg});
      for (int i = 0; i < all.length; i++) {
        ps.setObject(i + 1, all[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getObject(1, type) : null;
      }
    }
  }

  /** Log lines of the nodes holding {@code marker} (e.g. the processes' early-acknowledgement warning). */
  private static int linesContaining(Path logs, String marker) throws IOException {
    int hits = 0;
    try (Stream<Path> files = Files.list(logs)) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith("node")).toList()) {
        hits += (int) Files.readAllLines(file).stream().filter(line -> line.contains(marker)).count();
      }
    }
    return hits;
  }

  private static int bsnHits(Path logs, List<ClusterCitizen> citizens) throws IOException {
    Set<String> bsns = new HashSet<>();
    citizens.forEach(c -> bsns.add(c.bsn.digits()));
    int hits = 0;
    try (Stream<Path> files = Files.list(logs)) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith("node")).toList()) {
        for (String line : Files.readAllLines(file)) {
          for (String bsn : bsns) {
            if (line.contains(bsn)) {
              hits++;
            }
          }
        }
      }
    }
    return hits;
  }
}
