package nl.noodrem.processes.support;

import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import nl.noodrem.camel.api.CollectionSystem;
import nl.noodrem.camel.api.DebtHelpRegistry;
import nl.noodrem.domain.Bsn;
import nl.noodrem.domain.BsnPseudonymizer;
import nl.noodrem.domain.BsnSealer;
import nl.noodrem.domain.CitizenRef;
import nl.noodrem.domain.Oin;
import nl.noodrem.processes.config.NoodremProcessProperties;
import nl.noodrem.processes.delegate.AccreditOnChainDelegate;
import nl.noodrem.processes.delegate.AccreditationReviewListener;
import nl.noodrem.processes.delegate.AllocateStatusIndexDelegate;
import nl.noodrem.processes.delegate.AskDebtHelpRegistryDelegate;
import nl.noodrem.processes.delegate.BrakeEndedListener;
import nl.noodrem.processes.delegate.ExtendHoldDelegate;
import nl.noodrem.processes.delegate.FindIssuedCredentialsDelegate;
import nl.noodrem.processes.delegate.HoldNewCaseDelegate;
import nl.noodrem.processes.delegate.CorrectHoldEndDelegate;
import nl.noodrem.processes.delegate.HoldReviewListener;
import nl.noodrem.processes.delegate.JoinFirstHoldDelegate;
import nl.noodrem.processes.delegate.LeniencyDelegate;
import nl.noodrem.processes.delegate.MunicipalityDecidingDelegate;
import nl.noodrem.processes.delegate.PullReviewListener;
import nl.noodrem.processes.delegate.RemoveRejectedCasesDelegate;
import nl.noodrem.processes.delegate.ReviewEscalatedListener;
import nl.noodrem.processes.delegate.IssuanceConfirmationListener;
import nl.noodrem.processes.delegate.LiftHoldDelegate;
import nl.noodrem.processes.delegate.LookUpOpenCasesDelegate;
import nl.noodrem.processes.delegate.NotifyCitizenDelegate;
import nl.noodrem.processes.delegate.OfferPaymentPlanDelegate;
import nl.noodrem.processes.delegate.PlaceFirstHoldDelegate;
import nl.noodrem.processes.delegate.RecordIssuanceDelegate;
import nl.noodrem.processes.delegate.RevokeOnChainDelegate;
import nl.noodrem.processes.delegate.StartGracePeriodDelegate;
import nl.noodrem.processes.delegate.VerifyProofDelegate;
import nl.noodrem.processes.port.CredentialSigner;
import nl.noodrem.processes.port.CredentialStatusReader;
import nl.noodrem.processes.port.IssuerAccreditor;
import nl.noodrem.processes.port.PresentationVerifier;
import nl.noodrem.processes.port.StatusListWriter;
import nl.noodrem.processes.service.BrakeService;
import nl.noodrem.processes.service.BrakeStaffService;
import nl.noodrem.processes.service.BrakeSteps;
import nl.noodrem.processes.service.CitizenMessages;
import nl.noodrem.processes.service.DefaultProcessGateway;
import nl.noodrem.processes.service.IssuanceService;
import nl.noodrem.processes.service.IssuanceSteps;
import nl.noodrem.processes.service.OnboardingService;
import nl.noodrem.processes.service.OnboardingSteps;
import nl.noodrem.processes.service.RevocationSteps;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Everything the processes need, with the outside world mocked (Mockito) or recorded (fakes), registered under the
 * bean names the BPMN uses. Real: pseudonymizer, sealers, services, delegates, timers, settings.
 */
public final class Fixture {

  /** Test BSNs (valid 11-proof, not real people); the privacy checks search for them everywhere. */
  public static final Bsn CITIZEN = Bsn.of("123456782");
  public static final Bsn OTHER_CITIZEN = Bsn.of("999993653");
  public static final Oin MUNICIPALITY = Oin.of("00000001002220647000");
  public static final Instant NOW = Instant.parse("2026-01-15T09:00:00Z");
  public static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

  public final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  public final NoodremProcessProperties properties = NoodremProcessProperties.defaults(
      Base64.getEncoder().encodeToString(key('f')));
  public final BsnPseudonymizer pseudonymizer = new BsnPseudonymizer(key('p'));
  public final BsnSealer bsnSealer = new BsnSealer(key('s'));
  public final FactSealer factSealer = FactSealer.fromBase64(properties.sealingKey());

  public final CollectionSystem collectionSystem = mock(CollectionSystem.class);
  public final DebtHelpRegistry registry = mock(DebtHelpRegistry.class);
  public final PresentationVerifier verifier = mock(PresentationVerifier.class);
  public final CredentialStatusReader statusReader = mock(CredentialStatusReader.class);
  public final CredentialSigner signer = mock(CredentialSigner.class);
  public final StatusListWriter statusLists = mock(StatusListWriter.class);
  public final IssuerAccreditor accreditor = mock(IssuerAccreditor.class);

  public final InMemoryBrakeRegister brakes = new InMemoryBrakeRegister();
  public final Recorders.Audit audit = new Recorders.Audit();
  public final Recorders.Inbox inbox = new Recorders.Inbox();
  public final Recorders.Processed processed = new Recorders.Processed();
  public final Recorders.Issuances issuances = new Recorders.Issuances();

  public final ProcessEngine engine;
  public final BrakeSteps brakeSteps;
  public final CitizenMessages messages;
  public final IssuanceSteps issuanceSteps;
  public final RevocationSteps revocationSteps;
  public final OnboardingSteps onboardingSteps;
  public final BrakeService brakeService;
  public final BrakeStaffService staffService;
  public final IssuanceService issuanceService;
  public final OnboardingService onboardingService;
  public final DefaultProcessGateway gateway;
  public final nl.noodrem.processes.service.PaymentPlanService paymentPlanService;

  public Fixture(ProcessEngine engine) {
    this.engine = engine;
    // the engine's clock (timer due dates) and the services' clock agree; reset by the tests' @AfterEach
    ClockUtil.setCurrentTime(Date.from(NOW));
    TransactionOperations tx = TransactionOperations.withoutTransaction();
    brakeSteps = new BrakeSteps(collectionSystem, bsnSealer, pseudonymizer, verifier, statusReader, brakes, audit,
        properties, clock);
    messages = new CitizenMessages(inbox, properties);
    issuanceSteps = new IssuanceSteps(registry, bsnSealer, statusLists, issuances, factSealer, audit, properties,
        clock);
    revocationSteps = new RevocationSteps(issuances, statusLists, audit, clock);
    onboardingSteps = new OnboardingSteps(accreditor, audit, clock);
    brakeService = new BrakeService(engine.getRuntimeService(), pseudonymizer, bsnSealer, brakes, brakeSteps, audit,
        properties, clock, tx);
    staffService = new BrakeStaffService(engine.getRuntimeService(), brakeSteps, audit, clock);
    issuanceService = new IssuanceService(engine.getRuntimeService(), pseudonymizer, bsnSealer, signer,
        issuanceSteps, tx);
    onboardingService = new OnboardingService(engine.getRuntimeService(), audit, clock);
    gateway = new DefaultProcessGateway(engine.getRuntimeService(), pseudonymizer, brakes, processed, audit, clock,
        tx);
    paymentPlanService = new nl.noodrem.processes.service.PaymentPlanService(engine.getHistoryService(), pseudonymizer,
        processed, collectionSystem, audit, clock, tx);

    Mocks.reset();
    Mocks.register("processTimers", new ProcessTimers(properties, clock));
    Mocks.register("holdDecisionSettings", new HoldDecisionSettings(properties));
    Mocks.register("lookUpOpenCasesDelegate", new LookUpOpenCasesDelegate(brakeSteps));
    Mocks.register("placeFirstHoldDelegate", new PlaceFirstHoldDelegate(brakeSteps));
    Mocks.register("verifyProofDelegate", new VerifyProofDelegate(brakeSteps));
    Mocks.register("holdReviewListener", new HoldReviewListener(brakeSteps));
    Mocks.register("extendHoldDelegate", new ExtendHoldDelegate(brakeSteps));
    Mocks.register("holdNewCaseDelegate", new HoldNewCaseDelegate(brakeSteps));
    Mocks.register("startGracePeriodDelegate", new StartGracePeriodDelegate(brakeSteps));
    Mocks.register("liftHoldDelegate", new LiftHoldDelegate(brakeSteps));
    Mocks.register("offerPaymentPlanDelegate", new OfferPaymentPlanDelegate(messages, brakeSteps));
    Mocks.register("notifyCitizenDelegate", new NotifyCitizenDelegate(messages));
    Mocks.register("brakeEndedListener", new BrakeEndedListener(brakeSteps));
    Mocks.register("reviewEscalatedListener", new ReviewEscalatedListener(brakeSteps));
    Mocks.register("pullReviewListener", new PullReviewListener(brakeSteps));
    Mocks.register("correctHoldEndDelegate", new CorrectHoldEndDelegate(brakeSteps));
    Mocks.register("joinFirstHoldDelegate", new JoinFirstHoldDelegate());
    Mocks.register("municipalityDecidingDelegate", new MunicipalityDecidingDelegate());
    Mocks.register("leniencyDelegate", new LeniencyDelegate(brakeSteps));
    Mocks.register("removeRejectedCasesDelegate", new RemoveRejectedCasesDelegate(brakeSteps));
    Mocks.register("askDebtHelpRegistryDelegate", new AskDebtHelpRegistryDelegate(issuanceSteps));
    Mocks.register("issuanceConfirmationListener", new IssuanceConfirmationListener(issuanceSteps,
        properties.zone()));
    Mocks.register("allocateStatusIndexDelegate", new AllocateStatusIndexDelegate(issuanceSteps));
    Mocks.register("recordIssuanceDelegate", new RecordIssuanceDelegate(issuanceSteps));
    Mocks.register("findIssuedCredentialsDelegate", new FindIssuedCredentialsDelegate(revocationSteps));
    Mocks.register("revokeOnChainDelegate", new RevokeOnChainDelegate(revocationSteps));
    Mocks.register("accreditationReviewListener", new AccreditationReviewListener(onboardingSteps));
    Mocks.register("accreditOnChainDelegate", new AccreditOnChainDelegate(onboardingSteps));
  }

  /** A staff member as the engine's identity service knows them while they act (Tasklist or REST login). */
  public record StaffMember(String userId, String group) {}

  public static final StaffMember OFFICER = new StaffMember("officer-1", "cjib-case-officers");
  public static final StaffMember OPERATOR = new StaffMember("operator-1", "cjib-operations");

  public static StaffMember counsellor(String userId) {
    return new StaffMember(userId, "debt-counsellors-" + MUNICIPALITY.value());
  }

  public static StaffMember networkAdmin(String userId) {
    return new StaffMember(userId, "ministry-network-admins");
  }

  /** Runs {@code action} logged in as {@code who}; logged out afterwards, whatever happens. */
  public void as(StaffMember who, Runnable action) {
    engine.getIdentityService().setAuthentication(who.userId(), List.of(who.group()));
    try {
      action.run();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** {@code who} claims the task for themselves. */
  public void claimAs(StaffMember who, String taskId) {
    as(who, () -> engine.getTaskService().claim(taskId, who.userId()));
  }

  /** {@code who} completes the task with {@code variables}, claiming it first when nobody has. */
  public void completeAs(StaffMember who, String taskId, java.util.Map<String, Object> variables) {
    as(who, () -> {
      if (engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee() == null) {
        engine.getTaskService().claim(taskId, who.userId());
      }
      engine.getTaskService().complete(taskId, variables);
    });
  }

  public CitizenRef citizenRef() {
    return pseudonymizer.pseudonymize(CITIZEN);
  }

  /** Runs every job that is due now (async continuations), until none is left; timers in the future stay. */
  public void runDueJobs() {
    ManagementService management = engine.getManagementService();
    for (int round = 0; round < 100; round++) {
      List<Job> due = management.createJobQuery().executable().list();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        management.executeJob(job.getId());
      }
    }
    throw new AssertionError("jobs keep coming: a loop in the model?");
  }

  /** Fires the timer of {@code activityId} now, whatever its due date, then runs what became due. */
  public void fireTimer(String activityId) {
    Job timer = engine.getManagementService().createJobQuery().timers().activityId(activityId).singleResult();
    if (timer == null) {
      throw new AssertionError("no timer waiting at " + activityId);
    }
    engine.getManagementService().executeJob(timer.getId());
    runDueJobs();
  }

  /** Test-only keys: 32 bytes of one letter. */
  private static byte[] key(char fill) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) fill);
    return key;
  }
}
