package nl.noodrem.features.load;

import java.util.Arrays;

/**
 * Entry point of the load scripts (profile {@code -Pload}):
 * <ul>
 *   <li>{@code brakes --rate <per second> --duration <seconds> [--warmup <seconds>] [--label <text>]} — the whole
 *       brake against a running cluster ({@link BrakeLoad});
 *   <li>{@code recheck [--holds 100000] [--revoked 1000]} — the nightly re-verification of active holds against the
 *       chain's status lists ({@link StatusRecheckBenchmark}).
 * </ul>
 * The cluster directory comes from {@code NOODREM_CLUSTER_DIR} (default {@code <repo>/.noodrem/cluster}).
 */
public final class LoadMain {

  private LoadMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      throw new IllegalArgumentException("brakes | recheck");
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (args[0]) {
      case "brakes" -> BrakeLoad.main(rest);
      case "recheck" -> StatusRecheckBenchmark.main(rest);
      default -> throw new IllegalArgumentException("unknown " + args[0]);
    }
    System.exit(0);
  }

  static String option(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals("--" + name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
