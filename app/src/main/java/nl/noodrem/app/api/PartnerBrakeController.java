package nl.noodrem.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.noodrem.processes.ProcessKeys;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * For partner systems: a debt counsellor's case system asks how a brake it is involved in stands. A
 * municipality is involved when the citizen proved debt help with that municipality's credential. The answer
 * carries the pseudonymous reference, dates and state only — never who the citizen is.
 */
@RestController
@Tag(name = "noodremmen", description = "Status van noodremmen voor betrokken gemeenten")
class PartnerBrakeController {

  private final RuntimeService runtime;
  private final HistoryService history;

  PartnerBrakeController(RuntimeService runtime, HistoryService history) {
    this.runtime = runtime;
    this.history = history;
  }

  /** A brake's state as a partner may see it. */
  record BrakeStatus(String referentie, String status, String uitstelVanaf, String uitstelTot, String soortHulp,
      String gestartOp, String beeindigdOp) {}

  @GetMapping("/api/v1/noodremmen/{referentie}")
  @Operation(summary = "Status van een noodrem", description = "Alleen voor de gemeente wiens bewijs van"
      + " schuldhulp bij deze noodrem is getoond. Onbekend of niet betrokken geeft 404.")
  @ApiResponse(responseCode = "200", description = "De status van de noodrem.")
  @ApiResponse(responseCode = "404", description = "Geen noodrem met deze referentie waarbij deze gemeente betrokken"
      + " is.")
  ResponseEntity<BrakeStatus> status(@AuthenticationPrincipal ApiKeyAuthenticationFilter.ApiClient client,
      @PathVariable String referentie) {
    if (!referentie.matches("NR-[0-9A-Z]{8}")) {
      throw new ApiProblems.BadRequest("De referentie moet de vorm NR-XXXXXXXX hebben.");
    }
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.EMERGENCY_BRAKE).processInstanceBusinessKey(referentie)
        .orderByProcessInstanceStartTime().desc().listPage(0, 1).stream().findFirst()
        .orElseThrow(() -> new ApiProblems.NotFound(referentie));
    Map<String, Object> vars = variables(instance.getId());
    if (!client.organisationOin().equals(vars.get("issuerOin"))) {
      // not involved: indistinguishable from unknown, so references cannot be probed
      throw new ApiProblems.NotFound(referentie);
    }
    return ResponseEntity.ok(new BrakeStatus(referentie, state(instance, vars),
        text(vars.get("holdStart")), text(vars.get("holdEnd")), text(vars.get("assistanceType")),
        instance.getStartTime().toInstant().toString(),
        Optional.ofNullable(instance.getEndTime()).map(d -> d.toInstant().toString()).orElse(null)));
  }

  private Map<String, Object> variables(String instanceId) {
    Map<String, Object> vars = new LinkedHashMap<>();
    List<HistoricVariableInstance> list = history.createHistoricVariableInstanceQuery()
        .processInstanceId(instanceId).variableNameIn("issuerOin", "holdStart", "holdEnd", "assistanceType",
            "revocationPending").list();
    list.forEach(v -> vars.put(v.getName(), v.getValue()));
    return vars;
  }

  private String state(HistoricProcessInstance instance, Map<String, Object> vars) {
    if (instance.getEndTime() != null) {
      return "BEEINDIGD";
    }
    if (runtime.createProcessInstanceQuery().processInstanceId(instance.getId())
        .activityIdIn("Event_GracePeriodOver").count() > 0) {
      return "HULP_BEEINDIGD_UITSTEL_LOOPT_AF";
    }
    return "UITSTEL";
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
