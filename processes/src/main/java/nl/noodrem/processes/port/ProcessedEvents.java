package nl.noodrem.processes.port;

/**
 * Remembers which source records ({@code DomainEvent#sourceId()}, acknowledgement command ids) were delivered, so
 * that delivering one twice acts once. JDBC implementation: {@code JdbcProcessedEvents}, primary key on the id.
 */
public interface ProcessedEvents {

  /**
   * Records the id in the caller's transaction.
   *
   * @return true the first time, false when it was recorded before (or concurrently by another node, which then
   *     wins). When the caller's transaction rolls back the mark disappears with it, so a failed delivery can be
   *     retried.
   */
  boolean markProcessed(String sourceId, String kind);

  /** Whether the id was recorded (and committed, or recorded in the caller's transaction). */
  boolean isProcessed(String sourceId);
}
