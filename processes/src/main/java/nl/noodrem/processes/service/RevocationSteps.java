package nl.noodrem.processes.service;

import java.time.Clock;
import java.util.List;
import nl.noodrem.domain.CitizenRef;
import nl.noodrem.domain.Oin;
import nl.noodrem.processes.port.AuditAction;
import nl.noodrem.processes.port.AuditLog;
import nl.noodrem.processes.port.AuditRecord;
import nl.noodrem.processes.port.IssuanceRecord;
import nl.noodrem.processes.port.IssuanceRecords;
import nl.noodrem.processes.port.PortUnavailableException;
import nl.noodrem.processes.port.StatusListWriter;
import nl.noodrem.processes.port.StatusSlot;

/** The work behind the credential-revocation tasks. */
public class RevocationSteps {

  private final IssuanceRecords records;
  private final StatusListWriter statusLists;
  private final AuditLog audit;
  private final Clock clock;

  public RevocationSteps(IssuanceRecords records, StatusListWriter statusLists, AuditLog audit, Clock clock) {
    this.records = records;
    this.statusLists = statusLists;
    this.audit = audit;
    this.clock = clock;
  }

  public List<StatusSlot> findIssued(CitizenRef citizen, Oin issuer) {
    return records.findUnrevoked(citizen, issuer).stream().map(IssuanceRecord::slot).toList();
  }

  /** Sets the bits on chain, then marks the records; a retry after a crash in between re-sends a no-op. */
  public void revoke(String reference, Oin issuer, List<StatusSlot> slots) throws PortUnavailableException {
    if (slots.isEmpty()) {
      return;
    }
    statusLists.revoke(issuer, slots);
    records.markRevoked(issuer, slots, clock.instant());
    audit.record(new AuditRecord(clock.instant(), reference, AuditAction.CREDENTIALS_REVOKED, AuditRecord.SYSTEM,
        "issuer " + issuer + ", " + slots.size() + " slot(s)"));
  }
}
