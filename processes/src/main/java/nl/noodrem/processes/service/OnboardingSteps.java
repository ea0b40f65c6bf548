package nl.noodrem.processes.service;

import java.time.Clock;
import nl.noodrem.processes.port.AuditAction;
import nl.noodrem.processes.port.AuditLog;
import nl.noodrem.processes.port.AuditRecord;
import nl.noodrem.processes.port.IssuerAccreditor;
import nl.noodrem.processes.port.IssuerApplication;
import nl.noodrem.processes.port.PortUnavailableException;

/** The work behind the issuer-onboarding tasks. */
public class OnboardingSteps {

  private final IssuerAccreditor accreditor;
  private final AuditLog audit;
  private final Clock clock;

  public OnboardingSteps(IssuerAccreditor accreditor, AuditLog audit, Clock clock) {
    this.accreditor = accreditor;
    this.audit = audit;
    this.clock = clock;
  }

  /** @return the transaction hash */
  public String accredit(String reference, IssuerApplication application) throws PortUnavailableException {
    String tx = accreditor.accredit(application);
    audit(reference, AuditAction.ISSUER_ACCREDITED, AuditRecord.SYSTEM,
        "issuer " + application.oin() + ", key " + application.keyId() + ", tx " + tx);
    return tx;
  }

  public void audit(String reference, AuditAction action, String actor, String detail) {
    audit.record(new AuditRecord(clock.instant(), reference, action, actor, detail));
  }
}
