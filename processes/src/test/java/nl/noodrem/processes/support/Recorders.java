package nl.noodrem.processes.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.noodrem.domain.CitizenRef;
import nl.noodrem.domain.Oin;
import nl.noodrem.processes.port.AuditAction;
import nl.noodrem.processes.port.AuditLog;
import nl.noodrem.processes.port.AuditRecord;
import nl.noodrem.processes.port.CitizenNotice;
import nl.noodrem.processes.port.CitizenNotifier;
import nl.noodrem.processes.port.IssuanceRecord;
import nl.noodrem.processes.port.IssuanceRecords;
import nl.noodrem.processes.port.NoticeType;
import nl.noodrem.processes.port.ProcessedEvents;
import nl.noodrem.processes.port.StatusSlot;

/** Recording fakes of the ports whose effects the process tests assert. */
public final class Recorders {

  private Recorders() {}

  public static class Audit implements AuditLog {
    public final List<AuditRecord> records = new ArrayList<>();

    @Override
    public synchronized void record(AuditRecord record) {
      records.add(record);
    }

    public List<AuditAction> actions() {
      return records.stream().map(AuditRecord::action).toList();
    }
  }

  public static class Inbox implements CitizenNotifier {
    public final List<CitizenNotice> notices = new ArrayList<>();

    @Override
    public synchronized void send(CitizenNotice notice) {
      if (notices.stream().noneMatch(n -> n.noticeId().equals(notice.noticeId()))) {
        notices.add(notice);
      }
    }

    public List<NoticeType> types() {
      return notices.stream().map(CitizenNotice::type).toList();
    }

    public CitizenNotice last() {
      return notices.get(notices.size() - 1);
    }
  }

  public static class Processed implements ProcessedEvents {
    public final Set<String> ids = new HashSet<>();

    @Override
    public synchronized boolean markProcessed(String sourceId, String kind) {
      return ids.add(sourceId);
    }

    @Override
    public synchronized boolean isProcessed(String sourceId) {
      return ids.contains(sourceId);
    }
  }

  public static class Issuances implements IssuanceRecords {
    public final List<IssuanceRecord> records = new ArrayList<>();
    public final Set<StatusSlot> revoked = new HashSet<>();

    @Override
    public synchronized void save(IssuanceRecord record) {
      if (records.stream().noneMatch(r -> r.issuanceRef().equals(record.issuanceRef()))) {
        records.add(record);
      }
    }

    @Override
    public synchronized List<IssuanceRecord> findUnrevoked(CitizenRef citizen, Oin issuer) {
      return records.stream().filter(r -> r.citizen().equals(citizen) && r.issuer().equals(issuer)
          && !revoked.contains(r.slot())).toList();
    }

    @Override
    public synchronized void markRevoked(Oin issuer, List<StatusSlot> slots, Instant revokedAt) {
      revoked.addAll(slots);
    }
  }
}
