package nl.noodrem.app.recheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.noodrem.ledger.Ledger;
import nl.noodrem.ledger.StatusBits;
import nl.noodrem.processes.port.StatusSlot;

/**
 * The nightly re-verification: every active hold's credential slot checked against the chain's status lists, so
 * that a revocation whose event never reached its brake (a checkpoint reset, a bug) is found within a day. Reads in
 * bulk: per status list one range from the lowest to the highest slot in use ({@link Ledger#readStatuses}, 64 words
 * = 16,384 bits per {@code eth_call}), never one call per hold.
 *
 * <p>Only reads: it says which holds' slots are revoked. {@link NightlyStatusRecheck} decides what follows (it
 * hands those of brakes that wait for a revocation to the processes, as the event path would have).
 */
public final class StatusListRecheck {

  /** A hold to check: the brake's reference and the slot of the credential it was granted on. */
  public record ActiveHold(String brakeRef, StatusSlot slot) {}

  /** What a run found. */
  public record Result(int checked, int lists, int chainCalls, List<ActiveHold> revoked) {}

  private final Ledger ledger;

  public StatusListRecheck(Ledger ledger) {
    this.ledger = ledger;
  }

  public Result check(List<ActiveHold> holds) {
    Map<Long, List<ActiveHold>> byList = new TreeMap<>();
    for (ActiveHold hold : holds) {
      byList.computeIfAbsent(hold.slot().statusListId(), k -> new ArrayList<>()).add(hold);
    }
    List<ActiveHold> revoked = new ArrayList<>();
    int calls = 0;
    for (Map.Entry<Long, List<ActiveHold>> list : byList.entrySet()) {
      long from = Long.MAX_VALUE;
      long to = Long.MIN_VALUE;
      for (ActiveHold hold : list.getValue()) {
        from = Math.min(from, hold.slot().statusIndex());
        to = Math.max(to, hold.slot().statusIndex());
      }
      StatusBits bits = ledger.readStatuses(list.getKey(), from, to - from + 1);
      calls += bits.calls();
      for (ActiveHold hold : list.getValue()) {
        if (bits.isRevoked(hold.slot().statusIndex())) {
          revoked.add(hold);
        }
      }
    }
    return new Result(holds.size(), byList.size(), calls, revoked);
  }
}
