package nl.noodrem.processes.port;

import java.time.Instant;
import java.util.List;
import nl.noodrem.domain.CitizenRef;
import nl.noodrem.domain.Oin;

/**
 * The register of issued credentials, used to find what to revoke when debt help ends. A JDBC implementation lives
 * in this module ({@code JdbcIssuanceRecords}); it writes in the caller's transaction.
 */
public interface IssuanceRecords {

  /** Idempotent per {@code issuanceRef}: saving the same issuance twice keeps one record. */
  void save(IssuanceRecord record);

  /** The citizen's credentials from this issuer whose slot is not yet revoked, oldest first. */
  List<IssuanceRecord> findUnrevoked(CitizenRef citizen, Oin issuer);

  void markRevoked(Oin issuer, List<StatusSlot> slots, Instant revokedAt);
}
