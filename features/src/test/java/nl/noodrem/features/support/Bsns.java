package nl.noodrem.features.support;

import java.security.SecureRandom;
import nl.noodrem.domain.Bsn;

/** Fresh test BSNs (valid 11-proof, random), so scenarios never share a citizen. */
public final class Bsns {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Bsns() {}

  public static Bsn fresh() {
    while (true) {
      int[] d = new int[9];
      d[0] = 9; // a 9-prefix keeps them recognisable as test numbers
      int sum = 9 * d[0];
      for (int i = 1; i < 8; i++) {
        d[i] = RANDOM.nextInt(10);
        sum += (9 - i) * d[i];
      }
      int last = sum % 11;
      if (last == 10) {
        continue;
      }
      d[8] = last;
      StringBuilder digits = new StringBuilder();
      for (int v : d) {
        digits.append(v);
      }
      if (Bsn.isValid(digits.toString())) {
        return Bsn.of(digits.toString());
      }
    }
  }

  public static String caseNumber() {
    StringBuilder s = new StringBuilder("2026");
    for (int i = 0; i < 12; i++) {
      s.append(RANDOM.nextInt(10));
    }
    return s.toString();
  }
}
