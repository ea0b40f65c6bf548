package nl.noodrem.processes.support;

import java.time.LocalDate;
import nl.noodrem.domain.CitizenRef;
import nl.noodrem.domain.Oin;
import nl.noodrem.domain.SealedBsn;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Process variable names (they are API: forms, DMN inputs, Cockpit searches and history reports use them) and
 * typed reads. None of them ever holds a BSN: the citizen is {@link #CITIZEN_REF} (a keyed pseudonym) and, where
 * a process must reach CJIB or the municipality again later, {@link #SEALED_BSN} (AES-GCM).
 */
public final class Vars {

  // shared
  public static final String CITIZEN_REF = "citizenRef";
  public static final String SEALED_BSN = "sealedBsn";
  public static final String ISSUER_OIN = "issuerOin";
  public static final String ASSISTANCE_TYPE = "assistanceType";
  public static final String HELP_START_DATE = "helpStartDate";
  public static final String VALID_UNTIL = "validUntil";
  public static final String STATUS_LIST_ID = "statusListId";
  public static final String STATUS_INDEX = "statusIndex";
  /** Set by a task's input mapping for the one notify delegate: which {@code NoticeType} to send. */
  public static final String NOTICE_TYPE = "noticeType";

  // emergency-brake
  public static final String BRAKE_REF = "brakeRef";
  public static final String PREVIOUS_BRAKES = "previousBrakes";
  public static final String CASES = "cases";
  public static final String CASE_COUNT = "caseCount";
  public static final String TOTAL_OUTSTANDING_CENTS = "totalOutstandingCents";
  public static final String TOTAL_OUTSTANDING_TEXT = "totalOutstandingText";
  public static final String HIGHEST_STAGE = "highestStage";
  public static final String HAS_COMPENSATION_ORDER = "hasCompensationOrder";
  /** Bumped by every step that reads and writes the case list, so two such steps at once conflict and retry. */
  public static final String CASES_VERSION = "casesVersion";
  public static final String HOLD_START = "holdStart";
  public static final String HOLD_END = "holdEnd";
  public static final String HOLD_COMMAND_ID = "holdCommandId";
  /** Local to an acknowledgement wait: the command whose acknowledgement it waits for. */
  public static final String AWAITED_COMMAND_ID = "awaitedCommandId";
  public static final String PROOF_NONCE = "proofNonce";
  public static final String PROOF_REQUEST_ISSUED_AT = "proofRequestIssuedAt";
  public static final String PROOF_REQUEST_EXPIRES_AT = "proofRequestExpiresAt";
  /** Transient: the wallet's presentation, which contains the BSN; never persisted. */
  public static final String PRESENTATION = "presentation";
  public static final String PROOF_OUTCOME = "proofOutcome";
  public static final String PROOF_REJECTION = "proofRejection";
  public static final String HELP_STARTED = "helpStarted";
  public static final String HOLD_MONTHS = "holdMonths";
  public static final String SUSPEND_SURCHARGES = "suspendSurcharges";
  public static final String OFFER_PAYMENT_PLAN = "offerPaymentPlan";
  /** Set by Task_OfferPaymentPlan when the citizen was offered a plan: the instalments offered. */
  public static final String PAYMENT_PLAN_OFFERED_MONTHS = "paymentPlanOfferedMonths";
  public static final String REVIEW_REQUIRED = "reviewRequired";
  public static final String DECISION_REASON = "decisionReason";
  public static final String GRANTED_HOLD_MONTHS = "grantedHoldMonths";
  public static final String REVIEW_OUTCOME = "reviewOutcome";
  public static final String CHANGED_HOLD_MONTHS = "changedHoldMonths";
  public static final String REVIEW_NOTE = "reviewNote";
  public static final String EXTENSIONS_GRANTED = "extensionsGranted";
  /** Who decided the pending extension: {@code RULES} (cut at 12 months) or {@code CASE_OFFICER} (at 18). */
  public static final String HOLD_AUTHORITY = "holdAuthority";
  /** Months since the citizen's last brake that ended without a proof (absent when there was none). */
  public static final String MONTHS_SINCE_UNPROVEN_BRAKE = "monthsSinceUnprovenBrake";
  /** Pull decision (DMN pull-decision): whether the first hold is placed without a case officer. */
  public static final String AUTOMATIC_HOLD = "automaticHold";
  public static final String PULL_REASON = "pullReason";
  public static final String PULL_OUTCOME = "pullOutcome";
  public static final String PULL_NOTE = "pullNote";
  /** Local to SubProcess_CorrectHoldEnd: the end date a member of staff asked for. */
  public static final String CORRECTED_HOLD_END = "correctedHoldEnd";
  public static final String CORRECTIONS_MADE = "correctionsMade";
  /** R8: whether the brake checked, once, that the municipality is still deciding; and the answer. */
  public static final String LENIENCY_CHECKED = "leniencyChecked";
  public static final String MUNICIPALITY_DECIDING = "municipalityDeciding";
  /** The cases the collection system refused to hold in its last acknowledgement (JSON array), and why. */
  public static final String REJECTED_CASES = "rejectedCases";
  public static final String REJECTION_REASON = "rejectionReason";
  /** The rejected case numbers as the citizen reads them ("A, B"). */
  public static final String REJECTED_CASES_TEXT = "rejectedCasesText";
  /** True from such an acknowledgement until SubProcess_CasesNotHeld took the cases out of the brake. */
  public static final String REJECTED_CASES_PENDING = "rejectedCasesPending";
  /** Set by the gateway when a revocation arrived while the brake was not waiting for one. */
  public static final String REVOCATION_PENDING = "revocationPending";
  public static final String GRACE_END = "graceEnd";
  public static final String LIFT_REASON = "liftReason";
  public static final String LIFT_STARTED = "liftStarted";
  public static final String NEW_CASE_NUMBER = "newCaseNumber";

  // credential-issuance
  public static final String ISSUANCE_REF = "issuanceRef";
  public static final String WGS_OUTCOME = "wgsOutcome";
  public static final String DECISION_DATE = "decisionDate";
  public static final String HIDDEN_FACTS = "hiddenFacts";
  public static final String MUNICIPAL_CASE_ID = "municipalCaseId";
  public static final String UNCLEAR_REASON = "unclearReason";
  public static final String COUNSELLOR_DECISION = "counsellorDecision";
  public static final String CONFIRMED_ASSISTANCE_TYPE = "confirmedAssistanceType";
  public static final String CONFIRMED_DECISION_DATE = "confirmedDecisionDate";
  public static final String CONFIRMED_HELP_START_DATE = "confirmedHelpStartDate";
  public static final String COUNSELLOR_NOTE = "counsellorNote";
  public static final String PICKUP_BY = "pickupBy";

  // credential-revocation
  public static final String HELP_END_DATE = "helpEndDate";
  public static final String HELP_END_REASON = "helpEndReason";
  public static final String SLOTS_TO_REVOKE = "slotsToRevoke";
  public static final String SLOT_COUNT = "slotCount";

  // issuer-onboarding
  public static final String ONBOARDING_REF = "onboardingRef";
  public static final String ISSUER_NAME = "issuerName";
  public static final String ISSUER_ACCOUNT = "issuerAccount";
  public static final String KEY_ID = "keyId";
  public static final String PUBLIC_KEY_HEX = "publicKeyHex";
  public static final String KEY_FINGERPRINT = "keyFingerprint";
  public static final String KEY_VALID_FROM = "keyValidFrom";
  public static final String KEY_VALID_UNTIL = "keyValidUntil";
  public static final String REQUESTED_BY = "requestedBy";
  public static final String ACCREDITATION_DECISION = "accreditationDecision";
  public static final String ACCREDITATION_TX = "accreditationTx";

  private Vars() {}

  public static String string(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      throw new IllegalStateException("process variable '" + name + "' is missing");
    }
    return value.toString();
  }

  public static long number(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (!(value instanceof Number n)) {
      throw new IllegalStateException("process variable '" + name + "' is not a number");
    }
    return n.longValue();
  }

  public static boolean flag(VariableScope scope, String name) {
    return Boolean.TRUE.equals(scope.getVariable(name));
  }

  public static LocalDate date(VariableScope scope, String name) {
    return LocalDate.parse(string(scope, name));
  }

  public static CitizenRef citizen(VariableScope scope) {
    return new CitizenRef(string(scope, CITIZEN_REF));
  }

  public static SealedBsn sealedBsn(VariableScope scope) {
    return new SealedBsn(string(scope, SEALED_BSN));
  }

  public static Oin issuer(VariableScope scope) {
    return Oin.of(string(scope, ISSUER_OIN));
  }
}
