package nl.noodrem.processes.service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import nl.noodrem.processes.ProcessKeys;
import nl.noodrem.processes.port.AuditAction;
import nl.noodrem.processes.port.AuditLog;
import nl.noodrem.processes.port.AuditRecord;
import nl.noodrem.processes.port.IssuerApplication;
import nl.noodrem.processes.support.References;
import nl.noodrem.processes.support.Vars;
import org.camunda.bpm.engine.RuntimeService;

/** What the ministry's admin screen calls to accredit a municipality as an issuer. */
public class OnboardingService {

  private final RuntimeService runtime;
  private final AuditLog audit;
  private final java.time.Clock clock;

  public OnboardingService(RuntimeService runtime, AuditLog audit, java.time.Clock clock) {
    this.runtime = runtime;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Starts an accreditation that another admin must approve (four eyes: the reviewer cannot be
   * {@code requestedBy}).
   *
   * @return the onboarding reference (business key)
   */
  public String requestAccreditation(IssuerApplication application, String requestedBy) {
    Objects.requireNonNull(application, "application");
    if (requestedBy == null || requestedBy.isBlank()) {
      throw new IllegalArgumentException("requestedBy must name the admin who asks");
    }
    String reference = References.newReference(References.ONBOARDING);
    runtime.createProcessInstanceByKey(ProcessKeys.ISSUER_ONBOARDING)
        .businessKey(reference)
        .setVariables(Map.ofEntries(
            Map.entry(Vars.ONBOARDING_REF, reference),
            Map.entry(Vars.ISSUER_OIN, application.oin().value()),
            Map.entry(Vars.ISSUER_NAME, application.name()),
            Map.entry(Vars.ISSUER_ACCOUNT, application.account()),
            Map.entry(Vars.KEY_ID, application.keyId()),
            Map.entry(Vars.PUBLIC_KEY_HEX, application.publicKeyHex()),
            Map.entry(Vars.KEY_FINGERPRINT, fingerprint(application.publicKey())),
            Map.entry(Vars.KEY_VALID_FROM, application.validFrom().toString()),
            Map.entry(Vars.KEY_VALID_UNTIL, application.validUntil().toString()),
            Map.entry(Vars.REQUESTED_BY, requestedBy)))
        .execute();
    audit.record(new AuditRecord(clock.instant(), reference, AuditAction.ACCREDITATION_REQUESTED, requestedBy,
        "issuer " + application.oin() + ", key " + application.keyId()));
    return reference;
  }

  /** SHA-256 of the key, grouped for reading aloud when the admin checks it with the municipality by phone. */
  static String fingerprint(byte[] publicKey) {
    try {
      String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey), 0, 16);
      return String.join(" ", hex.split("(?<=\\G.{4})"));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
