package nl.noodrem.processes.port;

/** One bit in an issuer's status list: the revocation handle of one issued credential. */
public record StatusSlot(long statusListId, long statusIndex) {

  public StatusSlot {
    if (statusListId < 0 || statusIndex < 0) {
      throw new IllegalArgumentException("status list id and index cannot be negative");
    }
  }
}
