package nl.noodrem.processes.config;

import java.time.Clock;
import javax.sql.DataSource;
import nl.noodrem.camel.api.CollectionSystem;
import nl.noodrem.camel.api.DebtHelpRegistry;
import nl.noodrem.domain.BsnPseudonymizer;
import nl.noodrem.domain.BsnSealer;
import nl.noodrem.processes.guard.TaskAuthorityPlugin;
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
import nl.noodrem.processes.port.AuditLog;
import nl.noodrem.processes.port.BrakeRegister;
import nl.noodrem.processes.port.CitizenNotifier;
import nl.noodrem.processes.port.CredentialSigner;
import nl.noodrem.processes.port.CredentialStatusReader;
import nl.noodrem.processes.port.IssuanceRecords;
import nl.noodrem.processes.port.IssuerAccreditor;
import nl.noodrem.processes.port.PresentationVerifier;
import nl.noodrem.processes.port.ProcessedEvents;
import nl.noodrem.processes.port.StatusListWriter;
import nl.noodrem.processes.service.BrakeService;
import nl.noodrem.processes.service.BrakeStaffService;
import nl.noodrem.processes.service.BrakeSteps;
import nl.noodrem.processes.service.PaymentPlanService;
import nl.noodrem.processes.service.CitizenMessages;
import nl.noodrem.processes.service.DefaultProcessGateway;
import nl.noodrem.processes.service.IssuanceService;
import nl.noodrem.processes.service.IssuanceSteps;
import nl.noodrem.processes.service.OnboardingService;
import nl.noodrem.processes.service.OnboardingSteps;
import nl.noodrem.processes.service.RevocationSteps;
import nl.noodrem.processes.support.FactSealer;
import nl.noodrem.processes.support.HoldDecisionSettings;
import nl.noodrem.processes.support.ProcessTimers;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.DataSourceInitializer;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the processes for the app ({@code @Import(ProcessesConfiguration.class)}).
 *
 * <p>The app provides: the Camel ports ({@link CollectionSystem}, {@link DebtHelpRegistry}), the keyed
 * {@link BsnPseudonymizer} and {@link BsnSealer}, and adapters for {@link PresentationVerifier},
 * {@link CredentialStatusReader}, {@link CredentialSigner}, {@link StatusListWriter} and {@link IssuerAccreditor}
 * (zkp-service, besu-network). Defaults for the rest (a system {@link Clock}, JDBC stores for the register-type ports)
 * come from {@link ProcessesDefaultsAutoConfiguration}, which steps aside for an app bean of the same type.
 *
 * <p>Bean names of delegates and listeners are API: the BPMN files refer to them by
 * {@code camunda:delegateExpression="${name}"}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NoodremProcessProperties.class)
public class ProcessesConfiguration {

  // ---- infrastructure

  @Bean
  TransactionTemplate noodremTransactions(PlatformTransactionManager transactionManager) {
    return new TransactionTemplate(transactionManager);
  }

  @Bean
  @ConditionalOnProperty(name = "noodrem.process.schema-init", havingValue = "true", matchIfMissing = true)
  DataSourceInitializer noodremProcessesSchema(DataSource dataSource) {
    DataSourceInitializer initializer = new DataSourceInitializer();
    initializer.setDataSource(dataSource);
    initializer.setDatabasePopulator(
        new ResourceDatabasePopulator(new ClassPathResource("db/noodrem-processes-schema.sql")));
    return initializer;
  }

  @Bean
  HistoryTimeToLivePlugin noodremHistoryTimeToLivePlugin(NoodremProcessProperties properties) {
    return new HistoryTimeToLivePlugin(properties.historyTimeToLiveDays());
  }

  /** Task completions write only what each task declares; actors are the logged-in users (nl.noodrem.processes.guard). */
  @Bean
  TaskAuthorityPlugin noodremTaskAuthorityPlugin() {
    return new TaskAuthorityPlugin();
  }

  @Bean
  ProcessTimers processTimers(NoodremProcessProperties properties, Clock clock) {
    return new ProcessTimers(properties, clock);
  }

  @Bean
  HoldDecisionSettings holdDecisionSettings(NoodremProcessProperties properties) {
    return new HoldDecisionSettings(properties);
  }

  @Bean
  FactSealer noodremFactSealer(NoodremProcessProperties properties) {
    return FactSealer.fromBase64(properties.sealingKey());
  }

  // ---- services

  @Bean
  BrakeSteps brakeSteps(CollectionSystem collectionSystem, BsnSealer sealer, BsnPseudonymizer pseudonymizer,
      PresentationVerifier verifier, CredentialStatusReader statusReader, BrakeRegister register, AuditLog audit,
      NoodremProcessProperties properties, Clock clock) {
    return new BrakeSteps(collectionSystem, sealer, pseudonymizer, verifier, statusReader, register, audit, properties,
        clock);
  }

  @Bean
  PaymentPlanService paymentPlanService(HistoryService history, BsnPseudonymizer pseudonymizer,
      ProcessedEvents processed, CollectionSystem collectionSystem, AuditLog audit, Clock clock, TransactionTemplate noodremTransactions) {
    return new PaymentPlanService(history, pseudonymizer, processed, collectionSystem, audit, clock,
        noodremTransactions);
  }

  @Bean
  CitizenMessages citizenMessages(CitizenNotifier notifier, NoodremProcessProperties properties) {
    return new CitizenMessages(notifier, properties);
  }

  @Bean
  IssuanceSteps issuanceSteps(DebtHelpRegistry registry, BsnSealer sealer, StatusListWriter statusLists,
      IssuanceRecords records, FactSealer factSealer, AuditLog audit, NoodremProcessProperties properties,
      Clock clock) {
    return new IssuanceSteps(registry, sealer, statusLists, records, factSealer, audit, properties, clock);
  }

  @Bean
  RevocationSteps revocationSteps(IssuanceRecords records, StatusListWriter statusLists, AuditLog audit,
      Clock clock) {
    return new RevocationSteps(records, statusLists, audit, clock);
  }

  @Bean
  OnboardingSteps onboardingSteps(IssuerAccreditor accreditor, AuditLog audit, Clock clock) {
    return new OnboardingSteps(accreditor, audit, clock);
  }

  @Bean
  BrakeService brakeService(RuntimeService runtime, BsnPseudonymizer pseudonymizer, BsnSealer sealer,
      BrakeRegister register, BrakeSteps steps, AuditLog audit, NoodremProcessProperties properties, Clock clock,
      TransactionTemplate noodremTransactions) {
    return new BrakeService(runtime, pseudonymizer, sealer, register, steps, audit, properties, clock,
        noodremTransactions);
  }

  @Bean
  BrakeStaffService brakeStaffService(RuntimeService runtime, BrakeSteps steps, AuditLog audit, Clock clock) {
    return new BrakeStaffService(runtime, steps, audit, clock);
  }

  @Bean
  IssuanceService issuanceService(RuntimeService runtime, BsnPseudonymizer pseudonymizer, BsnSealer sealer,
      CredentialSigner signer, IssuanceSteps steps, TransactionTemplate noodremTransactions) {
    return new IssuanceService(runtime, pseudonymizer, sealer, signer, steps, noodremTransactions);
  }

  @Bean
  OnboardingService onboardingService(RuntimeService runtime, AuditLog audit, Clock clock) {
    return new OnboardingService(runtime, audit, clock);
  }

  @Bean
  DefaultProcessGateway processGateway(RuntimeService runtime, BsnPseudonymizer pseudonymizer,
      BrakeRegister register, ProcessedEvents processed, AuditLog audit, Clock clock,
      TransactionTemplate noodremTransactions) {
    return new DefaultProcessGateway(runtime, pseudonymizer, register, processed, audit, clock, noodremTransactions);
  }

  // ---- delegates and listeners (names used in the BPMN)

  @Bean
  LookUpOpenCasesDelegate lookUpOpenCasesDelegate(BrakeSteps steps) {
    return new LookUpOpenCasesDelegate(steps);
  }

  @Bean
  PlaceFirstHoldDelegate placeFirstHoldDelegate(BrakeSteps steps) {
    return new PlaceFirstHoldDelegate(steps);
  }

  @Bean
  VerifyProofDelegate verifyProofDelegate(BrakeSteps steps) {
    return new VerifyProofDelegate(steps);
  }

  @Bean
  HoldReviewListener holdReviewListener(BrakeSteps steps) {
    return new HoldReviewListener(steps);
  }

  @Bean
  ExtendHoldDelegate extendHoldDelegate(BrakeSteps steps) {
    return new ExtendHoldDelegate(steps);
  }

  @Bean
  HoldNewCaseDelegate holdNewCaseDelegate(BrakeSteps steps) {
    return new HoldNewCaseDelegate(steps);
  }

  @Bean
  StartGracePeriodDelegate startGracePeriodDelegate(BrakeSteps steps) {
    return new StartGracePeriodDelegate(steps);
  }

  @Bean
  LiftHoldDelegate liftHoldDelegate(BrakeSteps steps) {
    return new LiftHoldDelegate(steps);
  }

  @Bean
  OfferPaymentPlanDelegate offerPaymentPlanDelegate(CitizenMessages messages, BrakeSteps steps) {
    return new OfferPaymentPlanDelegate(messages, steps);
  }

  @Bean
  NotifyCitizenDelegate notifyCitizenDelegate(CitizenMessages messages) {
    return new NotifyCitizenDelegate(messages);
  }

  @Bean
  BrakeEndedPlugin noodremBrakeEndedPlugin() {
    return new BrakeEndedPlugin();
  }

  @Bean
  RemoveRejectedCasesDelegate removeRejectedCasesDelegate(BrakeSteps steps) {
    return new RemoveRejectedCasesDelegate(steps);
  }

  @Bean
  MunicipalityDecidingDelegate municipalityDecidingDelegate() {
    return new MunicipalityDecidingDelegate();
  }

  @Bean
  LeniencyDelegate leniencyDelegate(BrakeSteps steps) {
    return new LeniencyDelegate(steps);
  }

  @Bean
  JoinFirstHoldDelegate joinFirstHoldDelegate() {
    return new JoinFirstHoldDelegate();
  }

  @Bean
  CorrectHoldEndDelegate correctHoldEndDelegate(BrakeSteps steps) {
    return new CorrectHoldEndDelegate(steps);
  }

  @Bean
  PullReviewListener pullReviewListener(BrakeSteps steps) {
    return new PullReviewListener(steps);
  }

  @Bean
  ReviewEscalatedListener reviewEscalatedListener(BrakeSteps steps) {
    return new ReviewEscalatedListener(steps);
  }

  @Bean
  BrakeEndedListener brakeEndedListener(BrakeSteps steps) {
    return new BrakeEndedListener(steps);
  }

  @Bean
  AskDebtHelpRegistryDelegate askDebtHelpRegistryDelegate(IssuanceSteps steps) {
    return new AskDebtHelpRegistryDelegate(steps);
  }

  @Bean
  IssuanceConfirmationListener issuanceConfirmationListener(IssuanceSteps steps,
      NoodremProcessProperties properties) {
    return new IssuanceConfirmationListener(steps, properties.zone());
  }

  @Bean
  AllocateStatusIndexDelegate allocateStatusIndexDelegate(IssuanceSteps steps) {
    return new AllocateStatusIndexDelegate(steps);
  }

  @Bean
  RecordIssuanceDelegate recordIssuanceDelegate(IssuanceSteps steps) {
    return new RecordIssuanceDelegate(steps);
  }

  @Bean
  FindIssuedCredentialsDelegate findIssuedCredentialsDelegate(RevocationSteps steps) {
    return new FindIssuedCredentialsDelegate(steps);
  }

  @Bean
  RevokeOnChainDelegate revokeOnChainDelegate(RevocationSteps steps) {
    return new RevokeOnChainDelegate(steps);
  }

  @Bean
  AccreditationReviewListener accreditationReviewListener(OnboardingSteps steps) {
    return new AccreditationReviewListener(steps);
  }

  @Bean
  AccreditOnChainDelegate accreditOnChainDelegate(OnboardingSteps steps) {
    return new AccreditOnChainDelegate(steps);
  }
}
