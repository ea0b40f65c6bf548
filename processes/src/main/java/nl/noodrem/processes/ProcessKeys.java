package nl.noodrem.processes;

/**
 * Process keys, message names and the few element ids code refers to. These are API (STYLE.md 6): Camel routes,
 * the portal, Cockpit bookmarks and history queries depend on them, so they change only with a migration.
 */
public final class ProcessKeys {

  public static final String EMERGENCY_BRAKE = "emergency-brake";
  public static final String CREDENTIAL_ISSUANCE = "credential-issuance";
  public static final String CREDENTIAL_REVOCATION = "credential-revocation";
  public static final String ISSUER_ONBOARDING = "issuer-onboarding";
  public static final String HOLD_DECISION = "hold-decision";
  /** Whether a pull holds at once or a case officer decides first (in the same DMN file as hold-decision). */
  public static final String PULL_DECISION = "pull-decision";

  /** The collection system answered a hold or lift command; correlated by brakeRef + awaited command id. */
  public static final String MSG_HOLD_ACKNOWLEDGED = "HoldAcknowledged";
  /** A citizen presented a first proof; correlated by process instance (found by brakeRef and citizenRef). */
  public static final String MSG_PROOF_PRESENTED = "ProofPresented";
  /** A citizen presented a new proof while a hold runs; same correlation as {@link #MSG_PROOF_PRESENTED}. */
  public static final String MSG_PROOF_RENEWED = "ProofRenewed";
  /** The credential behind the hold was revoked; correlated by statusListId + statusIndex. */
  public static final String MSG_CREDENTIAL_REVOKED = "CredentialRevoked";
  /** CJIB opened a new case for a citizen with a running brake; correlated by citizenRef. */
  public static final String MSG_CASE_OPENED = "CaseOpened";
  /** The citizen collected an approved credential; correlated by business key (issuance reference). */
  public static final String MSG_CREDENTIAL_COLLECTED = "CredentialCollected";
  /** The municipality's system reported a Wgs decision while a counsellor looks; by citizenRef + issuerOin. */
  public static final String MSG_DEBT_HELP_DECIDED = "DebtHelpDecided";
  /** The municipality reports that a citizen's debt help ended: ends their issuance requests still under way. */
  public static final String MSG_DEBT_HELP_ENDED = "DebtHelpEnded";
  /** Staff end a running brake now (reason in {@code liftReason}): interrupting event subprocess. */
  public static final String MSG_BRAKE_END_REQUESTED = "BrakeEndRequested";
  /** Staff correct the end date of a running hold ({@code correctedHoldEnd}): non-interrupting event subprocess. */
  public static final String MSG_HOLD_END_CORRECTION = "HoldEndCorrectionRequested";

  private ProcessKeys() {}
}
