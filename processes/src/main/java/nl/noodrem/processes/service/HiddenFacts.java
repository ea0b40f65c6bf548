package nl.noodrem.processes.service;

import java.util.Objects;

/**
 * The credential attributes CJIB never sees (debt amount, creditors, counsellor). Kept sealed between approval and
 * pickup; "not stated" (0, 0) when a counsellor or a batch record approved the credential without them.
 */
public record HiddenFacts(long debtAmountCents, int creditorCount, String counsellorId) {

  public HiddenFacts {
    Objects.requireNonNull(counsellorId, "counsellorId");
    if (debtAmountCents < 0 || creditorCount < 0) {
      throw new IllegalArgumentException("debt amount and creditor count cannot be negative");
    }
  }

  public static HiddenFacts notStated(String counsellorId) {
    return new HiddenFacts(0, 0, counsellorId);
  }

  @Override
  public String toString() {
    return "HiddenFacts[redacted]";
  }
}
