package nl.noodrem.processes.port;

/**
 * Append-only audit trail, kept longer than process history.
 *
 * <p><b>Guarantee:</b> a record written inside a process step commits or rolls back with that step (the adapter
 * writes in the caller's transaction), so a retried step leaves no half record. <b>Failure:</b> an unchecked
 * exception, which fails the step.
 */
public interface AuditLog {

  void record(AuditRecord record);
}
