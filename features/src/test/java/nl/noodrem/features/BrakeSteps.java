package nl.noodrem.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.noodrem.app.chain.ChainConnection;
import nl.noodrem.app.chain.DemoMunicipalities;
import nl.noodrem.domain.AssistanceType;
import nl.noodrem.domain.Bsn;
import nl.noodrem.domain.Oin;
import nl.noodrem.features.support.Browser;
import nl.noodrem.features.support.Bsns;
import nl.noodrem.features.support.Citizen;
import nl.noodrem.features.support.Tasklist;
import nl.noodrem.processes.ProcessKeys;
import nl.noodrem.processes.port.StatusListWriter;
import nl.noodrem.processes.port.StatusSlot;
import nl.noodrem.standin.BatchDropStandin;
import nl.noodrem.standin.CollectionSystemStandin;
import nl.noodrem.standin.MunicipalDebtHelpSoapStandin;
import nl.noodrem.zkp.bbs.BbsCiphersuite;
import nl.noodrem.zkp.credential.BbsCredentialSigner;
import nl.noodrem.zkp.credential.BbsPresentationProver;
import nl.noodrem.zkp.credential.Credential;
import nl.noodrem.zkp.credential.DebtAssistanceCredentialV1;
import nl.noodrem.zkp.credential.KnownSchemas;
import nl.noodrem.zkp.credential.PresentationRequest;
import nl.noodrem.zkp.keys.EncryptedFileIssuerKeyStore;
import nl.noodrem.zkp.keys.IssuerKeyManager;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

/** The steps of the acceptance features, in the words a process owner uses; each drives the real system. */
public class BrakeSteps {

  private static final ZoneId NL = ZoneId.of("Europe/Amsterdam");
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final KnownSchemas SCHEMAS = KnownSchemas.builtIn();

  /** The answer to the last pull the app refused. */
  private Browser.Page lastRefusal;

  @Autowired CollectionSystemStandin collection;
  @Autowired MunicipalDebtHelpSoapStandin municipality;
  @Autowired BatchDropStandin batchDrop;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired TaskService tasks;
  @Autowired org.camunda.bpm.engine.IdentityService identity;
  @Autowired ManagementService management;
  @Autowired ChainConnection chain;
  @Autowired IssuerKeyManager issuerKeys;
  @Autowired StatusListWriter statusLists;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  private final Map<String, Citizen> citizens = new HashMap<>();
  private Citizen citizen;
  private final List<Oin> suspended = new ArrayList<>();
  private String batchFile;
  private int revocationsBefore;

  @After
  public void reinstateSuspendedIssuers() {
    suspended.forEach(oin -> chain.ledger().networkAdmin(chain.networkAdmin().orElseThrow()).reinstate(oin));
    if (!collection.isUp()) {
      try {
        collection.comeUp();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  // ---------------------------------------------------------------- citizens and their cases

  @Given("a citizen with {int} open case(s) at CJIB")
  public void aCitizenWithOpenCases(int count) throws Exception {
    citizen = newCitizen();
    for (int i = 0; i < count; i++) {
      openCase(citizen, "FIRST_REMINDER", 14_500);
    }
  }

  @Given("a citizen with no open cases at CJIB")
  public void aCitizenWithNoOpenCases() {
    citizen = newCitizen();
  }

  @Given("a citizen with an open case at the bailiff stage")
  public void aCitizenWithACaseAtTheBailiff() throws Exception {
    citizen = newCitizen();
    openCase(citizen, "BAILIFF", 72_000);
  }

  @Given("a citizen whose municipality's system cannot say whether debt help was decided")
  public void aCitizenWhoseDecisionIsUnclear() {
    citizen = newCitizen();
    municipality.database().jdbc().update("INSERT INTO SHV_BESCHIKKING VALUES (?, ?, ?, 'BEZWAAR', 'MSNP', ?, NULL,"
            + " NULL, 1250000, 6, 'SHV-DH-099', 'Beschikking in bezwaar')",
        "DH-" + Bsns.caseNumber(), citizen.bsn.digits(), DemoMunicipalities.DEN_HAAG.oin().value(),
        Date.valueOf(today().minusWeeks(3)));
  }

  private Citizen newCitizen() {
    Bsn bsn = Bsns.fresh();
    Citizen c = new Citizen(bsn, NoodremUnderTest.baseUrl());
    citizens.put(bsn.digits(), c);
    return c;
  }

  private void openCase(Citizen c, String stage, long cents) {
    String caseNumber = Bsns.caseNumber();
    collection.database().jdbc().update("INSERT INTO CJIB_ZAAK (ZAAKNUMMER, BSN, SOORT, OPENSTAAND_CENTEN, STADIUM,"
            + " BESLISDATUM, STATUS) VALUES (?, ?, 'WAHV', ?, ?, ?, 'OPEN')",
        caseNumber, c.bsn.digits(), cents, stage, Date.valueOf(today().minusMonths(3)));
    c.cases.add(caseNumber);
  }

  // ---------------------------------------------------------------- the municipality and the wallet

  @Given("the municipality of {string} has decided to give the citizen debt help")
  public void theMunicipalityDecided(String name) {
    municipality.database().jdbc().update("INSERT INTO SHV_BESCHIKKING VALUES (?, ?, ?, 'TOEGEKEND', 'MSNP', ?, ?,"
            + " NULL, 2450000, 11, 'SHV-DH-042', NULL)",
        "DH-" + Bsns.caseNumber(), citizen.bsn.digits(), oinOf(name).value(),
        Date.valueOf(today().minusWeeks(2)), Date.valueOf(today().minusWeeks(1)));
  }

  @Given("the citizen holds a debt-help credential from {string} in their wallet")
  public void theCitizenHoldsACredential(String name) {
    theCitizenAsksForACredential(name);
    awaitIssuanceState("READY");
    collectCredential();
  }

  @When("the citizen asks {string} for a debt-help credential")
  public void theCitizenAsksForACredential(String name) {
    ensureLoggedIn();
    var answer = citizen.browser.postJson("/gemeente/" + oinOf(name).value() + "/schuldhulpbewijs/api/aanvraag", "{}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    citizen.issuanceRef = Citizen.json(answer.body()).get("issuanceRef").asText();
  }

  @Then("a debt counsellor of {string} finds a task to confirm the issuance")
  public void aCounsellorFindsATask(String name) {
    Task task = await().atMost(PATIENCE).until(() -> tasks.createTaskQuery()
        .processInstanceBusinessKey(citizen.issuanceRef)
        .taskCandidateGroup("debt-counsellors-" + oinOf(name).value()).singleResult(), Objects::nonNull);
    assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_ConfirmIssuance");
    assertThat(task.getName()).doesNotContain(citizen.bsn.digits());
    assertThat(tasks.getVariables(task.getId()).values().toString()).doesNotContain(citizen.bsn.digits());
  }

  @When("the debt counsellor confirms the debt help")
  public void theCounsellorConfirms() {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(citizen.issuanceRef).singleResult();
    // the engine accepts a decision only from the logged-in counsellor who claimed the task (Tasklist's login)
    identity.setAuthentication("schuldhulp-denhaag",
        java.util.List.of("debt-counsellors-" + DemoMunicipalities.DEN_HAAG.oin().value()));
    try {
      tasks.claim(task.getId(), "schuldhulp-denhaag");
      tasks.complete(task.getId(), Map.of(
          "counsellorDecision", "CONFIRM",
          "confirmedAssistanceType", "MSNP",
          "confirmedDecisionDate", java.util.Date.from(today().minusWeeks(2).atStartOfDay(NL).toInstant()),
          "confirmedHelpStartDate", java.util.Date.from(today().minusWeeks(1).atStartOfDay(NL).toInstant())));
    } finally {
      identity.clearAuthentication();
    }
  }

  @Then("the citizen can collect the credential into their wallet")
  public void theCitizenCanCollect() throws Exception {
    awaitIssuanceState("READY");
    collectCredential();
    Credential credential = Credential.fromJson(citizen.credentialJson, SCHEMAS);
    assertThat(Citizen.json(citizen.credentialJson).get("attributes").get("bsn").asText())
        .isEqualTo(citizen.bsn.digits());
    assertThat(credential.issuerKeyId().issuerOin()).isEqualTo(DemoMunicipalities.DEN_HAAG.oin());
    awaitIssuanceState("COLLECTED");
  }

  private void awaitIssuanceState(String state) {
    await().atMost(PATIENCE).until(() -> Citizen.json(citizen.browser.get("/gemeente/x/schuldhulpbewijs/api/aanvraag/"
        + citizen.issuanceRef).body()).get("state").asText(), state::equals);
  }

  private void collectCredential() {
    var answer = citizen.browser.postJson("/gemeente/x/schuldhulpbewijs/api/aanvraag/" + citizen.issuanceRef
        + "/ophalen", "{}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    citizen.credentialJson = answer.body();
  }

  private Citizen intruder;

  @When("another citizen logs in with DigiD and asks about that request")
  public void anotherCitizenAsks() {
    intruder = new Citizen(Bsns.fresh(), NoodremUnderTest.baseUrl());
    intruder.logInWithDigid();
  }

  @Then("that other citizen is told the request is unknown")
  public void toldUnknown() {
    JsonNode answer = Citizen.json(intruder.browser.get("/gemeente/x/schuldhulpbewijs/api/aanvraag/"
        + citizen.issuanceRef).body());
    assertThat(answer.get("state").asText()).isEqualTo("UNKNOWN");
  }

  @Then("that other citizen cannot collect the credential")
  public void cannotCollect() {
    awaitIssuanceState("READY");
    var answer = intruder.browser.postJson("/gemeente/x/schuldhulpbewijs/api/aanvraag/" + citizen.issuanceRef
        + "/ophalen", "{}");
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.body()).doesNotContain(citizen.bsn.digits());
  }

  // ---------------------------------------------------------------- the brake

  @When("the citizen logs in with DigiD and pulls the brake")
  public void theCitizenPullsTheBrake() {
    ensureLoggedIn();
    pull();
  }

  @Given("the citizen has pulled the brake")
  public void theCitizenHasPulledTheBrake() {
    ensureLoggedIn();
    pull();
    if (!citizen.cases.isEmpty()) {
      awaitHold(citizen.cases, citizen.pulledOn.plusMonths(4));
      await().atMost(PATIENCE).until(() -> status().path("acceptsProof").asBoolean());
    }
  }

  @When("the citizen pulls the brake again")
  public void theCitizenPullsAgain() {
    pull();
  }

  /** As the citizen's browser does: the portal's form, with the self-declaration ticked. */
  private void pull() {
    var page = citizen.browser.postForm("/portaal/noodrem/trekken", Map.of("verklaring", "ja"));
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    assertThat(page.uri().getPath()).as("redirected to the brake's page").isEqualTo("/portaal/noodrem");
    // the brake's page shows its reference (kenmerk) at once, whatever the hold's state
    java.util.regex.Matcher reference = java.util.regex.Pattern.compile("id=\"kenmerk\">(NR-[0-9A-Z]{8})<")
        .matcher(page.body());
    if (!reference.find()) {
      // only a brake with nothing to hold can have ended before the page was drawn
      assertThat(citizen.cases).as("the page shows the brake's reference").isEmpty();
      citizen.pulledOn = today();
      return;
    }
    if (citizen.brakeRef == null) {
      citizen.brakeRef = reference.group(1);
      citizen.pulledOn = today();
    } else {
      assertThat(reference.group(1)).as("a second pull joins the running brake").isEqualTo(citizen.brakeRef);
    }
  }

  @When("the citizen sends the brake's form without ticking the declaration")
  public void theCitizenPullsWithoutTheDeclaration() {
    ensureLoggedIn();
    lastRefusal = citizen.browser.postForm("/portaal/noodrem/trekken", Map.of());
  }

  @When("a script asks to pull the brake without the declaration")
  public void aScriptPullsWithoutTheDeclaration() {
    ensureLoggedIn();
    lastRefusal = citizen.browser.postJson("/portaal/noodrem/api/trek", "{}");
  }

  @Then("the portal asks for the declaration")
  public void thePortalAsksForTheDeclaration() {
    assertThat(lastRefusal.status()).isEqualTo(200);
    assertThat(lastRefusal.body()).contains("Vink de verklaring aan als u de noodrem wilt trekken.");
  }

  @Then("the script is told the declaration is missing")
  public void theScriptIsToldTheDeclarationIsMissing() {
    assertThat(lastRefusal.status()).isEqualTo(400);
    assertThat(Citizen.json(lastRefusal.body()).path("reason").asText()).isEqualTo("DECLARATION_MISSING");
  }

  @Then("the citizen has no running brake")
  public void theCitizenHasNoRunningBrake() {
    assertThat(citizen.browser.get("/portaal/noodrem/api/status").status()).isEqualTo(404);
  }

  @Then("the collection system holds both cases for {int} months from today")
  public void theCollectionSystemHoldsBothCases(int months) {
    assertThat(citizen.cases).hasSize(2);
    awaitHold(citizen.cases, today().plusMonths(months));
  }

  @Then("the collection system holds both cases for {int} months from the day the brake was pulled")
  public void theCollectionSystemHoldsBothCasesSincePull(int months) {
    assertThat(citizen.cases).hasSize(2);
    awaitHold(citizen.cases, citizen.pulledOn.plusMonths(months));
  }

  @Then("the collection system holds the case for {int} months from the day the brake was pulled")
  public void theCollectionSystemHoldsTheCase(int months) {
    awaitHold(citizen.cases, citizen.pulledOn.plusMonths(months));
  }

  private void awaitHold(List<String> cases, LocalDate until) {
    for (String caseNumber : cases) {
      await().atMost(PATIENCE).until(() -> collection.holdUntil(caseNumber), until::equals);
    }
  }

  @Then("the citizen sees that collection is held and until when")
  public void theCitizenSeesTheHold() {
    JsonNode status = status();
    assertThat(status.get("brakeRef").asText()).isEqualTo(citizen.brakeRef);
    await().atMost(PATIENCE).until(() -> status().path("holdEnd").asText(""),
        citizen.pulledOn.plusMonths(4).toString()::equals);
    await().atMost(PATIENCE).until(() -> messages().toString().contains("HOLD_PLACED"));
  }

  @Then("the brake can be followed in Cockpit under a pseudonymous reference")
  public void theBrakeCanBeFollowedInCockpit() {
    assertThat(citizen.brakeRef).matches("NR-[0-9A-Z]{8}").doesNotContain(citizen.bsn.digits());
    var instance = history.createHistoricProcessInstanceQuery().processDefinitionKey(ProcessKeys.EMERGENCY_BRAKE)
        .processInstanceBusinessKey(citizen.brakeRef).singleResult();
    assertThat(instance).isNotNull();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list())
        .allSatisfy(v -> assertThat(String.valueOf(v.getValue())).doesNotContain(citizen.bsn.digits()));
  }

  @Then("the citizen is shown the same brake reference")
  public void theSameReference() {
    assertThat(status().get("brakeRef").asText()).isEqualTo(citizen.brakeRef);
  }

  @Then("only one brake is running for that citizen")
  public void onlyOneBrake() {
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.EMERGENCY_BRAKE)
        .variableValueEquals("citizenRef", citizenRef()).count()).isEqualTo(1);
  }

  @Then("the citizen is told there are no open cases to hold")
  public void toldNoOpenCases() {
    await().atMost(PATIENCE).until(() -> messages().toString().contains("NO_OPEN_CASES"));
  }

  // ---------------------------------------------------------------- proofs

  @When("the citizen presents a proof of debt help")
  public void theCitizenPresentsAProof() throws Exception {
    citizen.lastPresentation = prove(citizen.credentialJson);
    present(citizen.lastPresentation);
  }

  @Given("the citizen has presented a valid proof of debt help")
  public void theCitizenHasPresentedAValidProof() throws Exception {
    theCitizenPresentsAProof();
    theProofIsAccepted();
    awaitHold(citizen.cases, citizen.pulledOn.plusMonths(12));
    await().atMost(PATIENCE).until(() -> status().path("acceptsProof").asBoolean());
  }

  @Then("the proof is accepted")
  public void theProofIsAccepted() {
    assertThat(citizen.lastProofStatus).as(citizen.lastProofAnswer.toString()).isEqualTo(200);
    assertThat(citizen.lastProofAnswer.get("status").asText()).isEqualTo("ACCEPTED");
  }

  @Given("the credential was issued by a municipality not accredited")
  public void aCredentialFromANonAccreditedMunicipality() throws Exception {
    Oin rogue = Oin.of("00000001999990009000");
    Path dir = Files.createTempDirectory("rogue-issuer");
    try (var keys = new EncryptedFileIssuerKeyStore(dir.resolve("keys.json"), "rogue-test-only".toCharArray())) {
      var key = keys.generate(rogue);
      citizen.lastPresentation = prove(sign(keys, key.keyId(), citizen.bsn, rogue, new StatusSlot(0, 0),
          today().plusMonths(12)));
    }
  }

  @Given("the issuing municipality has been suspended")
  public void theMunicipalityIsSuspended() throws Exception {
    Oin denHaag = DemoMunicipalities.DEN_HAAG.oin();
    chain.ledger().networkAdmin(chain.networkAdmin().orElseThrow()).suspend(denHaag);
    suspended.add(denHaag);
    citizen.lastPresentation = prove(citizen.credentialJson);
  }

  @Given("the proof has been tampered with")
  public void theProofIsTampered() throws Exception {
    ObjectNode presentation = (ObjectNode) Citizen.json(prove(citizen.credentialJson));
    ObjectNode disclosed = (ObjectNode) presentation.get("disclosed");
    // claim a later end of help than the municipality signed
    disclosed.put("validUntil", LocalDate.parse(disclosed.get("validUntil").asText()).plusYears(1).toString());
    citizen.lastPresentation = presentation.toString();
  }

  @Given("the proof answers an earlier request")
  public void theProofAnswersAnEarlierRequest() throws Exception {
    citizen.lastPresentation = prove(citizen.credentialJson);
    // the portal asks for a new request before every presentation: the old proof no longer fits
    proofRequest();
  }

  @When("the citizen's earlier proof is presented again")
  public void theEarlierProofIsPresentedAgain() {
    proofRequest();
    present(citizen.lastPresentation);
  }

  @Given("the proof was made for another citizen")
  public void aProofForAnotherCitizen() throws Exception {
    Bsn other = Bsns.fresh();
    Oin denHaag = DemoMunicipalities.DEN_HAAG.oin();
    citizen.lastPresentation = prove(sign(issuerKeys, issuerKeys.currentKeyId(denHaag).orElseThrow(), other, denHaag,
        statusLists.allocate(denHaag), today().plusMonths(12)));
  }

  @Given("the credential has expired")
  public void theCredentialHasExpired() throws Exception {
    Oin denHaag = DemoMunicipalities.DEN_HAAG.oin();
    citizen.lastPresentation = prove(sign(issuerKeys, issuerKeys.currentKeyId(denHaag).orElseThrow(), citizen.bsn,
        denHaag, statusLists.allocate(denHaag), today().minusDays(1)));
  }

  @When("the citizen presents that proof")
  public void theCitizenPresentsThatProof() {
    present(citizen.lastPresentation);
  }

  @Then("the proof is refused with the reason {string}")
  public void theProofIsRefused(String reason) {
    assertThat(citizen.lastProofStatus).as(citizen.lastProofAnswer.toString()).isEqualTo(422);
    assertThat(citizen.lastProofAnswer.get("status").asText()).isEqualTo("REJECTED");
    assertThat(citizen.lastProofAnswer.get("reason").asText()).isEqualTo(reason);
    assertThat(citizen.lastProofAnswer.get("message").asText()).as("the citizen reads why, in Dutch").isNotBlank();
  }

  @Then("the hold still ends {int} months after the day the brake was pulled")
  public void theHoldStillEnds(int months) {
    for (String caseNumber : citizen.cases) {
      assertThat(collection.holdUntil(caseNumber)).isEqualTo(citizen.pulledOn.plusMonths(months));
    }
    assertThat(status().path("holdEnd").asText()).isEqualTo(citizen.pulledOn.plusMonths(months).toString());
  }

  private String prove(String credentialJson) throws Exception {
    String request = proofRequest();
    return new BbsPresentationProver(SCHEMAS, Clock.systemUTC())
        .prove(Credential.fromJson(credentialJson, SCHEMAS), PresentationRequest.fromJson(request)).toJson();
  }

  private String proofRequest() {
    var answer = citizen.browser.postJson("/portaal/noodrem/api/bewijsverzoek", "{}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.body();
  }

  private void present(String presentation) {
    var answer = citizen.browser.postJson("/portaal/noodrem/api/bewijs", presentation);
    citizen.lastProofStatus = answer.status();
    citizen.lastProofAnswer = Citizen.json(answer.body());
  }

  private static String sign(IssuerKeyManager keys, nl.noodrem.zkp.keys.IssuerKeyId keyId, Bsn bsn, Oin issuer,
      StatusSlot slot, LocalDate validUntil) throws Exception {
    var subject = new DebtAssistanceCredentialV1.Subject(bsn, issuer, AssistanceType.MSNP,
        validUntil.minusMonths(19), validUntil.minusMonths(18), validUntil, slot.statusListId(), slot.statusIndex(),
        1_000_000, 5, "SHV-TEST");
    return new BbsCredentialSigner(BbsCiphersuite.BLS12_381_SHA_256, DebtAssistanceCredentialV1.SCHEMA,
        keys.load(keyId), Clock.systemUTC()).sign(subject.toAttributes()).toJson();
  }

  // ---------------------------------------------------------------- people inside

  @Then("a CJIB case officer finds a review task in Tasklist with the facts of the decision")
  public void aCaseOfficerFindsAReviewTask() {
    Task task = await().atMost(PATIENCE).until(() -> tasks.createTaskQuery()
        .processInstanceBusinessKey(citizen.brakeRef).taskCandidateGroup("cjib-case-officers").singleResult(),
        Objects::nonNull);
    assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_ReviewHoldDecision");
    Map<String, Object> facts = tasks.getVariables(task.getId());
    assertThat(facts).containsKeys("assistanceType", "caseCount", "highestStage", "holdMonths", "decisionReason");
    assertThat(facts.get("highestStage")).isEqualTo("BAILIFF");
  }

  @Then("the task shows no BSN")
  public void theTaskShowsNoBsn() {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(citizen.brakeRef).singleResult();
    assertThat(task.getName() + task.getDescription()).doesNotContain(citizen.bsn.digits());
    assertThat(tasks.getVariables(task.getId()).toString()).doesNotContain(citizen.bsn.digits());
  }

  @When("the case officer approves the proposed hold in Tasklist")
  public void theCaseOfficerApproves() {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(citizen.brakeRef).singleResult();
    try (Tasklist tasklist = new Tasklist(NoodremUnderTest.baseUrl())) {
      tasklist.logIn("behandelaar", "dev-only-behandelaar");
      tasklist.open(task.getId());
      String form = tasklist.formText();
      assertThat(form).as("the facts to decide on").contains("highestStage=BAILIFF", "holdMonths=");
      assertThat(form).as("and nothing more").doesNotContain(citizen.bsn.digits());
      assertThat(tasklist.hasField("bsn")).isFalse();
      tasklist.claim();
      tasklist.select("reviewOutcome", "APPROVE");
      tasklist.type("reviewNote", "Beslagfase: uitstel akkoord");
      tasklist.complete();
    }
    await().atMost(PATIENCE).until(() -> tasks.createTaskQuery().taskId(task.getId()).count() == 0);
    assertThat(history.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult().getAssignee())
        .isEqualTo("behandelaar");
  }

  // ---------------------------------------------------------------- help ends

  @When("the municipality revokes the citizen's credential")
  public void theMunicipalityRevokes() throws Exception {
    StatusSlot slot = slotOf(citizen.credentialJson);
    statusLists.revoke(DemoMunicipalities.DEN_HAAG.oin(), List.of(slot));
  }

  @When("the grace period has passed")
  public void theGracePeriodPassed() {
    Job timer = awaitGraceTimer();
    for (String caseNumber : citizen.cases) {
      assertThat(collection.holdUntil(caseNumber)).as("held during the grace period").isNotNull();
    }
    management.executeJob(timer.getId());
  }

  @Then("the collection system lifts the hold on the citizen's case")
  public void theHoldIsLifted() {
    for (String caseNumber : citizen.cases) {
      await().atMost(PATIENCE).until(() -> collection.holdUntil(caseNumber) == null);
    }
  }

  @Then("the citizen is offered a payment plan")
  public void offeredAPaymentPlan() {
    await().atMost(PATIENCE).until(() -> messages().toString().contains("PAYMENT_PLAN_OFFERED"));
  }

  @When("the citizen accepts the payment plan in the portal")
  public void theCitizenAcceptsThePaymentPlan() {
    // as the browser does: the brake's page shows the offer with its button, the button posts the form
    var page = citizen.browser.get("/portaal/noodrem");
    assertThat(page.body()).as("the offer's button").contains("id=\"regeling-accepteren-" + citizen.brakeRef + "\"");
    var answer = citizen.browser.postForm("/portaal/noodrem/betalingsregeling", Map.of("kenmerk", citizen.brakeRef));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).contains("U heeft de betalingsregeling geaccepteerd.");
  }

  @Then("the collection system has a payment plan of {int} months on the citizen's case")
  public void theCollectionSystemHasAPaymentPlan(int months) {
    for (String caseNumber : citizen.cases) {
      await().atMost(PATIENCE).until(() -> collection.paymentPlanMonths(caseNumber), Integer.valueOf(months)::equals);
    }
  }

  @Then("accepting it again changes nothing")
  public void acceptingAgainChangesNothing() {
    var answer = citizen.browser.postForm("/portaal/noodrem/betalingsregeling", Map.of("kenmerk", citizen.brakeRef));
    assertThat(answer.body()).contains("U had deze betalingsregeling al geaccepteerd.");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM noodrem_audit WHERE reference = ? AND action = ?",
        Integer.class, citizen.brakeRef, "PAYMENT_PLAN_ACCEPTED")).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM NOODREM_COLLECTION_OUTBOX WHERE BRAKE_REF = ?",
        Integer.class, citizen.brakeRef)).as("nothing waits to be sent").isZero();
    assertThat(collection.database().jdbc().queryForObject(
        "SELECT COUNT(*) FROM CJIB_VERWERKTE_OPDRACHT WHERE OPDRACHT_ID LIKE ?", Integer.class,
        citizen.brakeRef + "/plan/%")).isEqualTo(1);
  }

  @When("the municipality delivers a batch file saying the citizen's debt help ended")
  public void theMunicipalityDeliversAnEndedBatch() {
    revocationsBefore = revocationCount();
    batchFile = "STARTED_ENDED_" + citizen.brakeRef + ".csv";
    batchDrop.drop(batchFile, "record_type;record_id;municipality_oin;bsn;assistance_type;decision_date;"
        + "help_start_date;end_date;end_reason\n"
        + "ENDED;DH-END-" + citizen.brakeRef + ";" + DemoMunicipalities.DEN_HAAG.oin().value() + ";"
        + citizen.bsn.digits() + ";;;;" + today() + ";COMPLETED\n");
  }

  @Given("the municipality delivered a batch file saying the citizen's debt help ended")
  public void theMunicipalityDeliveredAnEndedBatch() {
    theMunicipalityDeliversAnEndedBatch();
    theCredentialIsRevokedOnChain();
  }

  @Given("the brake is in its grace period")
  public void theBrakeIsInItsGracePeriod() {
    awaitGraceTimer();
  }

  @Then("the brake saw the revocation only once")
  public void theBrakeSawTheRevocationOnce() {
    // asked while the brake still runs, so that a second revocation could still have reached it
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(citizen.brakeRef).count())
        .as("the brake still runs").isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM noodrem_audit WHERE reference = ? AND action = ?",
        Integer.class, citizen.brakeRef, "CREDENTIAL_REVOCATION_SEEN")).isEqualTo(1);
    assertThat(management.createJobQuery().processInstanceId(runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(citizen.brakeRef).singleResult().getId()).timers()
        .activityId("Event_GracePeriodOver").count()).isEqualTo(1);
  }

  @Then("the citizen's credential is revoked on chain")
  public void theCredentialIsRevokedOnChain() {
    StatusSlot slot = slotOf(citizen.credentialJson);
    await().atMost(PATIENCE).until(() -> chain.ledger().readStatus(slot.statusListId(), slot.statusIndex()));
  }

  @Then("after the grace period the collection system lifts the hold on the citizen's case")
  public void afterTheGracePeriodTheHoldIsLifted() {
    theGracePeriodPassed();
    theHoldIsLifted();
  }

  @When("the same batch file is delivered again")
  public void theSameBatchFileAgain() throws Exception {
    String content = "record_type;record_id;municipality_oin;bsn;assistance_type;decision_date;"
        + "help_start_date;end_date;end_reason\n"
        + "ENDED;DH-END-" + citizen.brakeRef + ";" + DemoMunicipalities.DEN_HAAG.oin().value() + ";"
        + citizen.bsn.digits() + ";;;;" + citizen.pulledOn + ";COMPLETED\n";
    Path dropped = batchDrop.drop(batchFile, content);
    // the route moves a file away once it has read it
    await().atMost(PATIENCE).until(() -> !Files.exists(dropped));
  }

  @Then("the credential is revoked only once")
  public void revokedOnlyOnce() {
    assertThat(revocationCount() - revocationsBefore).isEqualTo(1);
  }

  @Then("the hold is lifted only once")
  public void liftedOnlyOnce() {
    theHoldIsLifted();
    assertThat(collection.database().jdbc().queryForObject(
        "SELECT COUNT(*) FROM CJIB_VERWERKTE_OPDRACHT WHERE BEVESTIGING LIKE ? AND BEVESTIGING LIKE '%LIFT%'",
        Integer.class, "%" + citizen.brakeRef + "%")).isEqualTo(1);
  }

  private int revocationCount() {
    return (int) history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.CREDENTIAL_REVOCATION).count();
  }

  private Job awaitGraceTimer() {
    return await().atMost(PATIENCE).until(() -> {
      var instance = runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.EMERGENCY_BRAKE)
          .processInstanceBusinessKey(citizen.brakeRef).singleResult();
      if (instance == null) {
        return null;
      }
      return management.createJobQuery().processInstanceId(instance.getId()).timers()
          .activityId("Event_GracePeriodOver").singleResult();
    }, Objects::nonNull);
  }

  private static StatusSlot slotOf(String credentialJson) {
    JsonNode attributes = Citizen.json(credentialJson).get("attributes");
    return new StatusSlot(attributes.get("statusListId").asLong(), attributes.get("statusIndex").asLong());
  }

  // ---------------------------------------------------------------- legacy outages

  @Given("the collection system is down")
  public void theCollectionSystemIsDown() throws Exception {
    collection.goDown();
  }

  @Then("no hold is confirmed yet")
  public void noHoldConfirmedYet() {
    // the command is on the broker and the brake waits for the acknowledgement
    await().atMost(PATIENCE).until(() -> {
      var instance = runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.EMERGENCY_BRAKE)
          .processInstanceBusinessKey(citizen.brakeRef).singleResult();
      return instance != null && runtime.createEventSubscriptionQuery().processInstanceId(instance.getId())
          .eventName(ProcessKeys.MSG_HOLD_ACKNOWLEDGED).count() > 0;
    });
    for (String caseNumber : citizen.cases) {
      assertThat(collection.holdUntil(caseNumber)).isNull();
    }
  }

  @When("the collection system is back")
  public void theCollectionSystemIsBack() throws Exception {
    collection.comeUp();
  }

  @Then("each hold was placed exactly once")
  public void eachHoldPlacedOnce() {
    assertThat(collection.database().jdbc().queryForObject(
        "SELECT COUNT(*) FROM CJIB_VERWERKTE_OPDRACHT WHERE BEVESTIGING LIKE ?", Integer.class,
        "%" + citizen.brakeRef + "%")).isEqualTo(1);
  }

  // ---------------------------------------------------------------- helpers

  /** The scenario's current citizen, for the other step classes. */
  Citizen citizen() {
    return citizen;
  }

  /** The scenario's citizen, for the steps of other glue classes (the rules of the brake). */
  Citizen currentCitizen() {
    return citizen;
  }

  private void ensureLoggedIn() {
    if (!citizen.loggedIn) {
      citizen.logInWithDigid();
    }
  }

  private JsonNode status() {
    var answer = citizen.browser.get("/portaal/noodrem/api/status");
    return Citizen.json(answer.body());
  }

  private JsonNode messages() {
    return Citizen.json(citizen.browser.get("/portaal/api/berichten").body());
  }

  private String citizenRef() {
    var instance = runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.EMERGENCY_BRAKE)
        .processInstanceBusinessKey(citizen.brakeRef).singleResult();
    return (String) runtime.getVariable(instance.getId(), "citizenRef");
  }

  private static Oin oinOf(String municipalityName) {
    return DemoMunicipalities.ALL.stream().filter(m -> m.name().endsWith(municipalityName)).findFirst()
        .orElseThrow(() -> new AssertionError("no demo municipality " + municipalityName)).oin();
  }

  private static LocalDate today() {
    return LocalDate.now(NL);
  }
}
