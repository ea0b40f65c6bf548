package nl.noodrem.processes.port;

import java.time.LocalDate;
import java.util.Optional;
import nl.noodrem.domain.CitizenRef;

/**
 * Which citizen (by pseudonym) has a running brake, and how many they pulled before. Outlives Camunda's history
 * (whose time-to-live is shorter than the DMN's look-back), and makes "one running brake per citizen" hold across
 * app nodes: {@link #claim} is backed by a unique constraint. JDBC implementation: {@code JdbcBrakeRegister}.
 */
public interface BrakeRegister {

  /** The brake reference of the citizen's running brake, if any. */
  Optional<String> activeBrake(CitizenRef citizen);

  /**
   * Records a new running brake.
   *
   * @return false when the citizen already has a running brake (another node won the race); nothing is written
   */
  boolean claim(CitizenRef citizen, String brakeRef, LocalDate pulledOn);

  /**
   * Marks the brake ended, so the citizen can pull a new one; idempotent (the first outcome stays).
   *
   * @param outcome how it ended: a lift reason (e.g. {@code NO_PROOF_PRESENTED}) or {@code NOT_HELD} when no hold
   *     was ever placed
   */
  void release(String brakeRef, LocalDate endedOn, String outcome);

  /**
   * The day the citizen's most recent brake that ended without a proof of debt help ({@code NO_PROOF_PRESENTED})
   * ended, if any: the pull decision's input.
   */
  Optional<LocalDate> lastEndedWithoutProof(CitizenRef citizen);

  /** Brakes of this citizen pulled on or after {@code since}, not counting {@code excludingBrakeRef}. */
  int countSince(CitizenRef citizen, LocalDate since, String excludingBrakeRef);
}
