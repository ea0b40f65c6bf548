package nl.noodrem.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import nl.noodrem.domain.event.HoldLifted;
import nl.noodrem.features.support.Citizen;
import nl.noodrem.processes.ProcessKeys;
import nl.noodrem.processes.service.BrakeStaffService;
import nl.noodrem.standin.CollectionSystemStandin;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Steps of "the rules of the brake": each drives the real system and reads what the collection system (its
 * stand-in's database) holds afterwards, not only what the process thinks.
 */
public class RulesOfTheBrakeSteps {

  private static final ZoneId NL = ZoneId.of("Europe/Amsterdam");
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Autowired BrakeSteps brakeSteps;
  @Autowired CollectionSystemStandin collection;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired org.camunda.bpm.engine.IdentityService identity;
  @Autowired ManagementService management;
  @Autowired BrakeStaffService staff;

  private String paidCase;

  private Citizen citizen() {
    return brakeSteps.currentCitizen();
  }

  @Given("the first hold ended without a proof of debt help")
  public void theFirstHoldEndedWithoutProof() {
    String firstBrake = citizen().brakeRef;
    fireTimer(firstBrake, "Event_FirstHoldEnded");
    theCollectionSystemDoesNotHoldTheCase();
    await().atMost(PATIENCE).until(() -> brake(firstBrake) == null);
  }

  @When("the citizen pulls the brake a second time")
  public void theCitizenPullsASecondTime() {
    // as the citizen's browser does: the portal's form with the self-declaration ticked
    var page = citizen().browser.postForm("/portaal/noodrem/trekken", java.util.Map.of("verklaring", "ja"));
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    java.util.regex.Matcher reference = java.util.regex.Pattern.compile("id=\"kenmerk\">(NR-[0-9A-Z]{8})<")
        .matcher(page.body());
    assertThat(reference.find()).as("the brake's page shows its reference").isTrue();
    assertThat(reference.group(1)).as("a new brake, not the ended one").isNotEqualTo(citizen().brakeRef);
    citizen().brakeRef = reference.group(1);
    citizen().pulledOn = today();
  }

  @Then("a CJIB case officer finds a task to decide on the repeated pull")
  public void aCaseOfficerFindsAPullTask() {
    Task task = pullTask();
    assertThat(tasks.getVariables(task.getId())).containsEntry("automaticHold", false)
        .containsEntry("monthsSinceUnprovenBrake", 0L);
    assertThat(tasks.getVariables(task.getId()).toString()).doesNotContain(citizen().bsn.digits());
  }

  @Then("the collection system does not hold the citizen's case")
  public void theCollectionSystemDoesNotHoldTheCase() {
    for (String caseNumber : citizen().cases) {
      await().atMost(PATIENCE).until(() -> collection.holdUntil(caseNumber) == null);
    }
  }

  @When("the case officer grants the repeated pull")
  public void theCaseOfficerGrants() {
    Task task = pullTask();
    // the engine accepts a decision only from the logged-in case officer who claimed the task (Tasklist's login)
    identity.setAuthentication("behandelaar", java.util.List.of("cjib-case-officers"));
    try {
      tasks.claim(task.getId(), "behandelaar");
      tasks.complete(task.getId(), Map.of("pullOutcome", "GRANT", "pullNote", "aangemeld bij de gemeente"));
    } finally {
      identity.clearAuthentication();
    }
  }

  @Then("the collection system holds the case for {int} months from today")
  public void theCollectionSystemHoldsTheCaseFromToday(int months) {
    awaitHeldUntil(today().plusMonths(months));
  }

  @When("the citizen presents the proof of debt help again")
  public void theCitizenPresentsAgain() throws Exception {
    brakeSteps.theCitizenPresentsAProof();
    brakeSteps.theProofIsAccepted();
  }

  @Then("the renewal is decided")
  public void theRenewalIsDecided() {
    await().atMost(PATIENCE).until(() -> {
      ProcessInstance brake = brake(citizen().brakeRef);
      return brake != null && Long.valueOf(2).equals(runtime.getVariable(brake.getId(), "extensionsGranted"))
          && runtime.createEventSubscriptionQuery().processInstanceId(brake.getId()).eventName("ProofRenewed")
              .count() > 0;
    });
  }

  @When("the case officer's review is still open shortly before the hold ends")
  public void theReviewIsStillOpen() {
    await().atMost(PATIENCE).until(() -> tasks.createTaskQuery().processInstanceBusinessKey(citizen().brakeRef)
        .taskDefinitionKey("Task_ReviewHoldDecision").singleResult(), Objects::nonNull);
    fireTimer(citizen().brakeRef, "Event_ReviewOutlastsHold");
  }

  @When("the brake is cancelled in Cockpit, skipping custom listeners")
  public void theBrakeIsCancelledInCockpit() {
    ProcessInstance brake = brake(citizen().brakeRef);
    runtime.deleteProcessInstance(brake.getId(), "cancelled by a process owner", true);
  }

  @When("a case officer moves the end of the hold to {int} months after the pull")
  public void aCaseOfficerMovesTheEnd(int months) {
    staff.correctHoldEnd(citizen().brakeRef, citizen().pulledOn.plusMonths(months), "zaakbehandelaar",
        "schuldregeling start eerder");
  }

  @Then("a case officer cannot move the end of the hold to {int} months after the pull")
  public void aCaseOfficerCannotMoveTheEnd(int months) {
    LocalDate end = citizen().pulledOn.plusMonths(months);
    assertThatThrownBy(() -> staff.correctHoldEnd(citizen().brakeRef, end, "zaakbehandelaar", "te lang"))
        .isInstanceOf(BrakeStaffService.StaffRequestRefused.class).hasMessageContaining("18 months");
    for (String caseNumber : citizen().cases) {
      assertThat(collection.holdUntil(caseNumber)).isNotEqualTo(end);
    }
  }

  @When("a case officer ends the brake because the cases were paid")
  public void aCaseOfficerEndsTheBrake() {
    staff.endBrake(citizen().brakeRef, HoldLifted.Reason.CASES_PAID, "zaakbehandelaar", "alles betaald");
  }

  @Then("the citizen is told the brake ended because the cases were paid")
  public void theCitizenIsToldWhy() {
    await().atMost(PATIENCE).until(() -> citizen().browser.get("/portaal/api/berichten").body(),
        body -> body.contains("uw zaken zijn betaald"));
  }

  @Given("the credential is ready for pickup")
  public void theCredentialIsReady() {
    await().atMost(PATIENCE).until(() -> Citizen.json(citizen().browser.get("/gemeente/x/schuldhulpbewijs/api/aanvraag/"
        + citizen().issuanceRef).body()).path("state").asText(), "READY"::equals);
  }

  @Then("the citizen can no longer collect the credential")
  public void theCitizenCannotCollect() {
    await().atMost(PATIENCE).until(() -> runtime.createProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.CREDENTIAL_ISSUANCE).processInstanceBusinessKey(citizen().issuanceRef)
        .count() == 0);
    var answer = citizen().browser.postJson("/gemeente/x/schuldhulpbewijs/api/aanvraag/" + citizen().issuanceRef
        + "/ophalen", "{}");
    assertThat(answer.status()).as(answer.body()).isNotEqualTo(200);
    assertThat(answer.body()).doesNotContain(citizen().bsn.digits());
  }

  @When("CJIB opens a new case for the citizen")
  public void cjibOpensANewCase() throws Exception {
    String caseNumber = nl.noodrem.features.support.Bsns.caseNumber();
    collection.openCase(citizen().bsn.digits(), caseNumber, "WAHV", 9_500, "DECISION", today().minusDays(1));
    citizen().cases.add(caseNumber);
  }

  @Then("the collection system holds every case of the citizen for {int} months from today")
  public void theCollectionSystemHoldsEveryCase(int months) {
    assertThat(citizen().cases).hasSizeGreaterThan(1);
    awaitHeldUntil(today().plusMonths(months));
  }

  @When("one of the citizen's cases is paid before the collection system carries out the hold")
  public void oneCaseIsPaid() {
    paidCase = citizen().cases.get(1);
    collection.database().jdbc().update("UPDATE CJIB_ZAAK SET STATUS = 'BETAALD' WHERE ZAAKNUMMER = ?", paidCase);
  }

  @Then("the collection system holds only the other case for {int} months from today")
  public void theCollectionSystemHoldsOnlyTheOtherCase(int months) {
    String other = citizen().cases.get(0);
    await().atMost(PATIENCE).until(() -> collection.holdUntil(other), today().plusMonths(months)::equals);
    assertThat(collection.holdUntil(paidCase)).isNull();
  }

  @Then("the citizen is told which case is not held and why")
  public void theCitizenIsToldWhichCaseIsNotHeld() {
    String inbox = await().atMost(PATIENCE).until(() -> citizen().browser.get("/portaal/api/berichten").body(),
        body -> body.contains("CASES_NOT_HELD"));
    assertThat(inbox).contains(paidCase).contains("zaak onbekend, betaald of gesloten");
  }

  @Then("CJIB operations find a task about the case that was not held")
  public void operationsFindATask() {
    Task task = await().atMost(PATIENCE).until(() -> tasks.createTaskQuery()
        .processInstanceBusinessKey(citizen().brakeRef).taskDefinitionKey("Task_CheckRejectedCases")
        .taskCandidateGroup("cjib-operations").singleResult(), Objects::nonNull);
    assertThat(tasks.getVariables(task.getId()).get("rejectedCasesText")).isEqualTo(paidCase);
    assertThat(tasks.getVariables(task.getId()).toString()).doesNotContain(citizen().bsn.digits());
  }

  private void awaitHeldUntil(LocalDate until) {
    for (String caseNumber : citizen().cases) {
      await().atMost(PATIENCE).until(() -> collection.holdUntil(caseNumber), until::equals);
    }
  }

  private Task pullTask() {
    return await().atMost(PATIENCE).until(() -> tasks.createTaskQuery()
        .processInstanceBusinessKey(citizen().brakeRef).taskDefinitionKey("Task_ReviewPull")
        .taskCandidateGroup("cjib-case-officers").singleResult(), Objects::nonNull);
  }

  private void fireTimer(String brakeRef, String activityId) {
    Job timer = await().atMost(PATIENCE).until(() -> {
      ProcessInstance brake = brake(brakeRef);
      return brake == null ? null : management.createJobQuery().processInstanceId(brake.getId()).timers()
          .activityId(activityId).singleResult();
    }, Objects::nonNull);
    management.executeJob(timer.getId());
  }

  private ProcessInstance brake(String brakeRef) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.EMERGENCY_BRAKE)
        .processInstanceBusinessKey(brakeRef).singleResult();
  }

  private static LocalDate today() {
    return LocalDate.now(NL);
  }
}
