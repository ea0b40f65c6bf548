package nl.noodrem.processes.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import nl.noodrem.camel.api.CollectionSystem;
import nl.noodrem.camel.api.CollectionSystemException;
import nl.noodrem.camel.api.HoldCommand;
import nl.noodrem.camel.api.LiftCommand;
import nl.noodrem.domain.BsnPseudonymizer;
import nl.noodrem.domain.BsnSealer;
import nl.noodrem.domain.CaseNumber;
import nl.noodrem.domain.CitizenRef;
import nl.noodrem.domain.HoldAuthority;
import nl.noodrem.domain.HoldPeriod;
import nl.noodrem.domain.SealedBsn;
import nl.noodrem.domain.event.HoldLifted;
import nl.noodrem.processes.config.NoodremProcessProperties;
import nl.noodrem.processes.port.AuditAction;
import nl.noodrem.processes.port.AuditLog;
import nl.noodrem.processes.port.AuditRecord;
import nl.noodrem.processes.port.BrakeRegister;
import nl.noodrem.processes.port.CredentialStatusReader;
import nl.noodrem.processes.port.DisclosedFacts;
import nl.noodrem.processes.port.PortUnavailableException;
import nl.noodrem.processes.port.PresentationRequest;
import nl.noodrem.processes.port.PresentationVerifier;
import nl.noodrem.processes.port.ProofRejection;
import nl.noodrem.processes.port.Verification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work behind the emergency-brake tasks, free of Camunda types so it can be read and tested on its own.
 * Command ids are bound to the command's content ({@link HoldCommand#commandId()}): a step retried after a crash
 * sends the same command and the collection system acts once; a command that says something else is a new one.
 * Commands go through the collection system's outbox and leave only after the job's transaction committed.
 */
public class BrakeSteps {

  private static final Logger LOG = LoggerFactory.getLogger(BrakeSteps.class);

  private final CollectionSystem collectionSystem;
  private final BsnSealer sealer;
  private final BsnPseudonymizer pseudonymizer;
  private final PresentationVerifier verifier;
  private final CredentialStatusReader statusReader;
  private final BrakeRegister register;
  private final AuditLog audit;
  private final NoodremProcessProperties properties;
  private final Clock clock;

  public BrakeSteps(
      CollectionSystem collectionSystem,
      BsnSealer sealer,
      BsnPseudonymizer pseudonymizer,
      PresentationVerifier verifier,
      CredentialStatusReader statusReader,
      BrakeRegister register,
      AuditLog audit,
      NoodremProcessProperties properties,
      Clock clock) {
    this.collectionSystem = collectionSystem;
    this.sealer = sealer;
    this.pseudonymizer = pseudonymizer;
    this.verifier = verifier;
    this.statusReader = statusReader;
    this.register = register;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  /** A hold or lift command that was handed to the collection system. */
  public record SentCommand(String commandId, HoldPeriod period) {}

  public LocalDate today() {
    return LocalDate.now(clock.withZone(properties.zone()));
  }

  /** The citizen's open cases at CJIB, looked up with the sealed BSN opened only for this call. */
  public CaseFacts lookUpOpenCases(String brakeRef, SealedBsn sealedBsn) throws CollectionSystemException {
    CaseFacts facts = CaseFacts.of(collectionSystem.openCases(sealer.open(sealedBsn)));
    LOG.info("brake {}: {} open case(s), highest stage {}", brakeRef, facts.caseCount(), facts.highestStage());
    return facts;
  }

  /** The first hold of the noodstop procedure, from today, on every open case, without new surcharges. */
  public SentCommand placeFirstHold(String brakeRef, List<CaseNumber> cases) throws CollectionSystemException {
    HoldPeriod period = HoldPeriod.ofMonths(today(), properties.firstHoldMonths());
    // DOMAIN.md, noodstopprocedure: 4 months postponement, no new surcharges
    return sendHold(new HoldCommand(brakeRef, "first", cases, period, true));
  }

  /**
   * Moves the end of the hold on all held cases {@code months} past the current end (never past the day the
   * decision happened to be made), cut at what {@code authority} may grant from the first held day
   * ({@link HoldPeriod#ceiling}); a cut is audited. The command carries the whole period from the first held day.
   *
   * @param extensionNumber the how-manieth extension of this brake, part of the command id so that each extension
   *     is a command of its own even when a cut gives two extensions the same end date
   * @param suspendSurcharges the hold decision's {@code suspendSurcharges}, carried to the collection system
   */
  public SentCommand extendHold(String brakeRef, List<CaseNumber> cases, HoldPeriod current, int months,
      HoldAuthority authority, long extensionNumber, boolean suspendSurcharges) throws CollectionSystemException {
    HoldPeriod period = current.extendedBy(months, authority);
    if (current.extensionIsCut(months, authority)) {
      audit(brakeRef, AuditAction.HOLD_DECIDED, months + " month(s) from " + current.end() + " cut at "
          + period.end() + " (" + authority + " ceiling from " + current.start() + ")");
    }
    return sendHold(new HoldCommand(brakeRef, "x" + extensionNumber, cases, period, suspendSurcharges));
  }

  /**
   * Sets the end of the hold on all held cases to {@code newEnd}, a staff correction within the rules.
   *
   * @throws nl.noodrem.domain.InvalidValueException when {@code newEnd} is outside what {@code authority} may grant
   */
  public SentCommand correctHoldEnd(String brakeRef, List<CaseNumber> cases, HoldPeriod current, LocalDate newEnd,
      HoldAuthority authority, long correctionNumber) throws CollectionSystemException {
    HoldPeriod period = current.endingOn(newEnd, authority);
    // a staff correction is sent with surcharges suspended (the hold decision's own flag is not carried here yet)
    return sendHold(new HoldCommand(brakeRef, "c" + correctionNumber, cases, period, true));
  }

  /**
   * Extends the first hold by {@code leniency-months} from its end because the municipality is still deciding (R8),
   * within what the rules grant.
   */
  public SentCommand extendWhileMunicipalityDecides(String brakeRef, List<CaseNumber> cases, HoldPeriod current)
      throws CollectionSystemException {
    HoldPeriod period = current.extendedBy(properties.leniencyMonths(), HoldAuthority.RULES);
    audit(brakeRef, AuditAction.HOLD_DECIDED, "municipality still deciding: hold extended to " + period.end());
    // still the noodstop procedure's postponement: no new surcharges
    return sendHold(new HoldCommand(brakeRef, "lenient", cases, period, true));
  }

  /**
   * Holds a case that CJIB opened while the brake runs, until the brake's current end, with the brake's surcharge
   * suspension.
   */
  public SentCommand holdNewCase(String brakeRef, CaseNumber newCase, LocalDate holdEnd, boolean suspendSurcharges)
      throws CollectionSystemException {
    HoldPeriod period = new HoldPeriod(today(), holdEnd);
    return sendHold(new HoldCommand(brakeRef, "case", List.of(newCase), period, suspendSurcharges));
  }

  /** Hands the command to the collection system's outbox: it leaves once the job's transaction committed. */
  private SentCommand sendHold(HoldCommand command) throws CollectionSystemException {
    collectionSystem.sendHold(command);
    audit(command.brakeRef(), AuditAction.HOLD_REQUESTED, "command " + command.commandId() + ", "
        + command.cases().size() + " case(s) until " + command.period().end() + ", surcharges suspended: "
        + command.suspendSurcharges());
    return new SentCommand(command.commandId(), command.period());
  }

  public String liftHold(String brakeRef, List<CaseNumber> cases, HoldLifted.Reason reason)
      throws CollectionSystemException {
    LiftCommand command = new LiftCommand(brakeRef, cases, reason);
    collectionSystem.sendLift(command);
    audit(brakeRef, AuditAction.LIFT_REQUESTED, "command " + command.commandId() + ", " + cases.size()
        + " case(s), " + reason);
    return command.commandId();
  }

  /** The instalments of CJIB's standard payment plan, offered when a hold ends. */
  public int paymentPlanMonths() {
    return properties.paymentPlanMonths();
  }

  /** A fresh request to prove debt help; its nonce is kept by the brake and used once. */
  public PresentationRequest newPresentationRequest(String nonce) {
    var now = clock.instant();
    return new PresentationRequest(nonce, properties.proofAudience(), now, now.plus(properties.proofRequestLifetime()));
  }

  /** The request a presentation answers, rebuilt from what the brake kept of it. */
  public PresentationRequest presentationRequest(String nonce, java.time.Instant issuedAt, java.time.Instant expiresAt) {
    return new PresentationRequest(nonce, properties.proofAudience(), issuedAt, expiresAt);
  }

  /**
   * Verifies a presentation for the brake of {@code citizen}: the proof itself (through the verifier), that its
   * BSN is this citizen's (compared as pseudonyms, so the brake never needs the BSN), that the credential is still
   * valid and that its status bit is not set.
   *
   * @throws PortUnavailableException when the verifier or the chain cannot answer now; nothing is decided
   */
  public ProofCheck verifyProof(String brakeRef, CitizenRef citizen, String presentationJson,
      PresentationRequest request) throws PortUnavailableException {
    ProofCheck check = check(citizen, presentationJson, request);
    audit(brakeRef, check instanceof ProofCheck.Accepted ? AuditAction.PROOF_ACCEPTED : AuditAction.PROOF_REJECTED,
        check.outcomeCode());
    return check;
  }

  private ProofCheck check(CitizenRef citizen, String presentationJson, PresentationRequest request)
      throws PortUnavailableException {
    if (presentationJson == null || presentationJson.isBlank()) {
      return new ProofCheck.Rejected(ProofRejection.MALFORMED);
    }
    Verification verification = verifier.verify(presentationJson, request);
    if (verification instanceof Verification.Rejected rejected) {
      return new ProofCheck.Rejected(rejected.reason());
    }
    DisclosedFacts facts = ((Verification.Accepted) verification).facts();
    if (!pseudonymizer.pseudonymize(facts.bsn()).equals(citizen)) {
      return new ProofCheck.Rejected(ProofRejection.OTHER_CITIZEN);
    }
    LocalDate today = today();
    if (facts.validUntil().isBefore(today)) {
      return new ProofCheck.Rejected(ProofRejection.EXPIRED);
    }
    if (statusReader.isRevoked(facts.statusListId(), facts.statusIndex())) {
      return new ProofCheck.Rejected(ProofRejection.REVOKED);
    }
    return new ProofCheck.Accepted(facts.issuerOin(), facts.assistanceType(), facts.helpStartDate(),
        facts.validUntil(), facts.statusListId(), facts.statusIndex(), !facts.helpStartDate().isAfter(today));
  }

  /** The last day of the grace period after a revocation: the hold ends as the returned day begins. */
  public LocalDate startGracePeriod(String brakeRef) {
    LocalDate graceEnd = today().plus(properties.revocationGrace());
    audit(brakeRef, AuditAction.CREDENTIAL_REVOCATION_SEEN, "grace until " + graceEnd);
    return graceEnd;
  }

  /**
   * Frees the citizen to pull a new brake later; the count of earlier brakes keeps this one, with how it ended.
   *
   * @param liftReason the reason the hold was lifted, or null when the brake ended without one
   */
  public void brakeEnded(String brakeRef, HoldLifted.Reason liftReason) {
    register.release(brakeRef, today(), liftReason == null ? "NOT_HELD" : liftReason.name());
  }

  public void audit(String reference, AuditAction action, String detail) {
    audit.record(new AuditRecord(clock.instant(), reference, action, AuditRecord.SYSTEM, detail));
  }

  public void audit(String reference, AuditAction action, String actor, String detail) {
    audit.record(new AuditRecord(clock.instant(), reference, action, actor, detail));
  }
}
