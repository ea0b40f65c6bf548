package nl.noodrem.processes.port;

import java.time.Instant;
import java.util.Objects;

/**
 * One audit line. Pseudonymous by construction: {@code reference} is a brake, issuance or onboarding reference and
 * {@code detail} holds codes and dates, never a BSN.
 *
 * @param actor who decided: a Tasklist user id, or {@code system}
 */
public record AuditRecord(Instant at, String reference, AuditAction action, String actor, String detail) {

  public static final String SYSTEM = "system";

  public AuditRecord {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(actor, "actor");
    detail = detail == null ? "" : detail;
  }
}
