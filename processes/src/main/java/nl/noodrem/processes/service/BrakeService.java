package nl.noodrem.processes.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nl.noodrem.domain.Bsn;
import nl.noodrem.domain.BsnPseudonymizer;
import nl.noodrem.domain.BsnSealer;
import nl.noodrem.domain.CitizenRef;
import nl.noodrem.processes.ProcessKeys;
import nl.noodrem.processes.config.NoodremProcessProperties;
import nl.noodrem.processes.port.AuditAction;
import nl.noodrem.processes.port.AuditLog;
import nl.noodrem.processes.port.AuditRecord;
import nl.noodrem.processes.port.BrakeRegister;
import nl.noodrem.processes.port.PortUnavailableException;
import nl.noodrem.processes.port.PresentationRequest;
import nl.noodrem.processes.port.ProofRejection;
import nl.noodrem.processes.support.References;
import nl.noodrem.processes.support.Vars;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResultWithVariables;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.transaction.support.TransactionOperations;

/**
 * What the citizen portal calls for the brake, after DigiD login. Takes the authenticated BSN, turns it into the
 * citizen's pseudonym at once, and never hands the BSN to the engine in clear.
 */
public class BrakeService {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final RuntimeService runtime;
  private final BsnPseudonymizer pseudonymizer;
  private final BsnSealer sealer;
  private final BrakeRegister register;
  private final BrakeSteps steps;
  private final AuditLog audit;
  private final NoodremProcessProperties properties;
  private final Clock clock;
  private final TransactionOperations transactions;

  public BrakeService(
      RuntimeService runtime,
      BsnPseudonymizer pseudonymizer,
      BsnSealer sealer,
      BrakeRegister register,
      BrakeSteps steps,
      AuditLog audit,
      NoodremProcessProperties properties,
      Clock clock,
      TransactionOperations transactions) {
    this.runtime = runtime;
    this.pseudonymizer = pseudonymizer;
    this.sealer = sealer;
    this.register = register;
    this.steps = steps;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
    this.transactions = transactions;
  }

  /** @param joined true when the citizen already had a running brake and this pull joined it */
  public record PullResult(String brakeRef, boolean joined) {}

  /** What the portal shows about the citizen's running brake. */
  public record BrakeView(String brakeRef, Optional<LocalDate> holdEnd, boolean acceptsProof) {}

  /** The outcome of presenting a proof, with the reason to show when it was refused. */
  public record ProofResult(Status status, Optional<ProofRejection> rejection) {

    public enum Status {
      /** Verified; the hold decision follows (the citizen gets a message when the hold is extended). */
      ACCEPTED,
      /** Refused for {@link ProofResult#rejection()}; the citizen may try again while the hold runs. */
      REJECTED,
      /** The brake is busy (placing a hold, a decision under review): try again later. */
      NOT_EXPECTED_NOW,
      /** No running brake for this citizen. */
      NO_RUNNING_BRAKE,
      /** No presentation request was made, or it was used or expired: ask for a new one. */
      NO_PROOF_REQUESTED,
      /** The verifier or the chain cannot answer now; nothing was decided. */
      VERIFIER_UNAVAILABLE
    }

    public ProofResult {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(rejection, "rejection");
    }

    static ProofResult of(Status status) {
      return new ProofResult(status, Optional.empty());
    }
  }

  /**
   * The citizen did not declare that they cannot pay their fines now. The noodstop is granted on that declaration
   * alone (no proof of debts is asked for the first hold), so no way into the brake may skip it.
   */
  public static final class DeclarationMissingException extends RuntimeException {

    public DeclarationMissingException() {
      super("the citizen must declare that they cannot pay their fines now");
    }

    /** What the citizen reads, Dutch first. */
    public String dutchText() {
      return "Vink de verklaring aan als u de noodrem wilt trekken.";
    }

    public String englishText() {
      return "Tick the declaration if you want to pull the brake.";
    }
  }

  /**
   * Pulls the brake for the authenticated citizen, or joins the brake they already have running.
   * Atomic with the engine (one transaction): either the brake is registered and its process started, or neither.
   *
   * @param declaresCannotPay the citizen's self-declaration "I cannot pay my fine(s) now", as they ticked it
   * @throws DeclarationMissingException when the citizen did not declare it; nothing happens
   */
  public PullResult pullBrake(Bsn bsn, boolean declaresCannotPay) {
    if (!declaresCannotPay) {
      throw new DeclarationMissingException();
    }
    CitizenRef citizen = pseudonymizer.pseudonymize(bsn);
    return transactions.execute(status -> {
      Optional<String> running = register.activeBrake(citizen);
      if (running.isPresent()) {
        audit(running.get(), AuditAction.BRAKE_JOINED, "second pull joined the running brake");
        return new PullResult(running.get(), true);
      }
      LocalDate today = steps.today();
      String brakeRef = References.newReference(References.BRAKE);
      long previous = register.countSince(citizen, today.minus(properties.previousBrakesWindow()), brakeRef);
      // the pull decision (DMN) reads this: -1 when no earlier brake ended without a proof of debt help
      long monthsSinceUnproven = register.lastEndedWithoutProof(citizen)
          .map(ended -> java.time.temporal.ChronoUnit.MONTHS.between(ended, today)).orElse(-1L);
      if (!register.claim(citizen, brakeRef, today)) {
        // another node registered a brake for this citizen a moment ago: join that one
        String winner = register.activeBrake(citizen).orElseThrow(
            () -> new IllegalStateException("brake claim refused but no running brake found"));
        return new PullResult(winner, true);
      }
      runtime.createProcessInstanceByKey(ProcessKeys.EMERGENCY_BRAKE)
          .businessKey(brakeRef)
          .setVariables(Map.of(
              Vars.BRAKE_REF, brakeRef,
              Vars.CITIZEN_REF, citizen.value(),
              Vars.SEALED_BSN, sealer.seal(bsn).value(),
              Vars.PREVIOUS_BRAKES, previous,
              Vars.MONTHS_SINCE_UNPROVEN_BRAKE, monthsSinceUnproven,
              Vars.EXTENSIONS_GRANTED, 0L,
              Vars.CASES_VERSION, 0L,
              Vars.REVOCATION_PENDING, false,
              Vars.LIFT_STARTED, false))
          .execute();
      audit(brakeRef, AuditAction.BRAKE_PULLED, "declared unable to pay now; " + previous
          + " earlier brake(s) in the look-back window");
      return new PullResult(brakeRef, false);
    });
  }

  public Optional<BrakeView> runningBrake(Bsn bsn) {
    return instanceOf(pseudonymizer.pseudonymize(bsn)).map(instance -> {
      Object holdEnd = runtime.getVariable(instance.getId(), Vars.HOLD_END);
      return new BrakeView(instance.getBusinessKey(),
          Optional.ofNullable(holdEnd).map(Object::toString).map(LocalDate::parse),
          waitingForProof(instance.getId()).isPresent());
    });
  }

  /**
   * A fresh presentation request for the citizen's wallet. Its nonce is kept by the brake (not personal data) and
   * accepted for one presentation only, so a captured proof cannot be replayed.
   *
   * @return empty when the citizen has no running brake
   */
  public Optional<PresentationRequest> requestProof(Bsn bsn) {
    return instanceOf(pseudonymizer.pseudonymize(bsn)).map(instance -> {
      byte[] nonce = new byte[32];
      RANDOM.nextBytes(nonce);
      PresentationRequest request = steps.newPresentationRequest(
          Base64.getUrlEncoder().withoutPadding().encodeToString(nonce));
      runtime.setVariables(instance.getId(), Map.of(
          Vars.PROOF_NONCE, request.nonce(),
          Vars.PROOF_REQUEST_ISSUED_AT, request.issuedAt().toString(),
          Vars.PROOF_REQUEST_EXPIRES_AT, request.expiresAt().toString()));
      return request;
    });
  }

  /**
   * Hands the wallet's presentation to the brake. The presentation contains the BSN, so it travels as a
   * <em>transient</em> variable: verified in the same transaction by {@code Task_VerifyProof} and never written to
   * the database or history.
   */
  public ProofResult presentProof(Bsn bsn, String presentationJson) {
    Optional<ProcessInstance> found = instanceOf(pseudonymizer.pseudonymize(bsn));
    if (found.isEmpty()) {
      return ProofResult.of(ProofResult.Status.NO_RUNNING_BRAKE);
    }
    String instanceId = found.get().getId();
    Object expiresAt = runtime.getVariable(instanceId, Vars.PROOF_REQUEST_EXPIRES_AT);
    if (runtime.getVariable(instanceId, Vars.PROOF_NONCE) == null || expiresAt == null
        || !Instant.parse(expiresAt.toString()).isAfter(clock.instant())) {
      return ProofResult.of(ProofResult.Status.NO_PROOF_REQUESTED);
    }
    Optional<String> message = waitingForProof(instanceId);
    if (message.isEmpty()) {
      return ProofResult.of(ProofResult.Status.NOT_EXPECTED_NOW);
    }
    MessageCorrelationResultWithVariables result;
    try {
      result = runtime.createMessageCorrelation(message.get())
          .processInstanceId(instanceId)
          .setVariable(Vars.PRESENTATION, Variables.stringValue(presentationJson, true))
          .correlateWithResultAndVariables(false);
    } catch (RuntimeException e) {
      if (causedBy(e, PortUnavailableException.class)) {
        return ProofResult.of(ProofResult.Status.VERIFIER_UNAVAILABLE);
      }
      throw e;
    }
    Object outcome = result.getVariables().get(Vars.PROOF_OUTCOME);
    if ("ACCEPTED".equals(outcome)) {
      return ProofResult.of(ProofResult.Status.ACCEPTED);
    }
    Object rejection = result.getVariables().get(Vars.PROOF_REJECTION);
    return new ProofResult(ProofResult.Status.REJECTED,
        Optional.of(ProofRejection.valueOf(Objects.requireNonNull(rejection, "proofRejection").toString())));
  }

  private Optional<ProcessInstance> instanceOf(CitizenRef citizen) {
    return register.activeBrake(citizen).flatMap(brakeRef -> Optional.ofNullable(
        runtime.createProcessInstanceQuery()
            .processDefinitionKey(ProcessKeys.EMERGENCY_BRAKE)
            .processInstanceBusinessKey(brakeRef)
            .singleResult()));
  }

  private Optional<String> waitingForProof(String instanceId) {
    for (String name : new String[] {ProcessKeys.MSG_PROOF_PRESENTED, ProcessKeys.MSG_PROOF_RENEWED}) {
      if (runtime.createEventSubscriptionQuery().processInstanceId(instanceId).eventType("message")
          .eventName(name).count() > 0) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private void audit(String brakeRef, AuditAction action, String detail) {
    audit.record(new AuditRecord(clock.instant(), brakeRef, action, AuditRecord.SYSTEM, detail));
  }
}
