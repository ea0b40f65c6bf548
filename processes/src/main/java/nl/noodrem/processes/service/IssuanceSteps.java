package nl.noodrem.processes.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import nl.noodrem.camel.api.DebtHelpRegistry;
import nl.noodrem.camel.api.DebtHelpRegistryException;
import nl.noodrem.camel.api.WgsAnswer;
import nl.noodrem.domain.BsnSealer;
import nl.noodrem.domain.CitizenRef;
import nl.noodrem.domain.Oin;
import nl.noodrem.domain.SealedBsn;
import nl.noodrem.processes.config.NoodremProcessProperties;
import nl.noodrem.processes.port.AuditAction;
import nl.noodrem.processes.port.AuditLog;
import nl.noodrem.processes.port.AuditRecord;
import nl.noodrem.processes.port.IssuanceRecord;
import nl.noodrem.processes.port.IssuanceRecords;
import nl.noodrem.processes.port.PortUnavailableException;
import nl.noodrem.processes.port.StatusListWriter;
import nl.noodrem.processes.port.StatusSlot;
import nl.noodrem.processes.support.FactSealer;

/** The work behind the credential-issuance tasks. */
public class IssuanceSteps {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DebtHelpRegistry registry;
  private final BsnSealer bsnSealer;
  private final StatusListWriter statusLists;
  private final IssuanceRecords records;
  private final FactSealer factSealer;
  private final AuditLog audit;
  private final NoodremProcessProperties properties;
  private final Clock clock;

  public IssuanceSteps(
      DebtHelpRegistry registry,
      BsnSealer bsnSealer,
      StatusListWriter statusLists,
      IssuanceRecords records,
      FactSealer factSealer,
      AuditLog audit,
      NoodremProcessProperties properties,
      Clock clock) {
    this.registry = registry;
    this.bsnSealer = bsnSealer;
    this.statusLists = statusLists;
    this.records = records;
    this.factSealer = factSealer;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  /** A slot in the issuer's status list and the validity of the credential that will carry it. */
  public record Allocation(StatusSlot slot, LocalDate validUntil, LocalDate pickupBy) {}

  public LocalDate today() {
    return LocalDate.now(clock.withZone(properties.zone()));
  }

  public WgsAnswer askRegistry(String issuanceRef, Oin municipality, SealedBsn sealedBsn)
      throws DebtHelpRegistryException {
    WgsAnswer answer = registry.lookup(municipality, bsnSealer.open(sealedBsn));
    audit(issuanceRef, AuditAction.WGS_ANSWER_RECEIVED, AuditRecord.SYSTEM, answer.getClass().getSimpleName());
    return answer;
  }

  /**
   * Allocates the credential's revocation slot. The credential is valid for the configured months from the later
   * of today and the help start (help decided but not started yet still counts, DOMAIN.md).
   */
  public Allocation allocate(String issuanceRef, Oin issuer, LocalDate helpStartDate) throws PortUnavailableException {
    StatusSlot slot = statusLists.allocate(issuer);
    LocalDate today = today();
    LocalDate from = helpStartDate.isAfter(today) ? helpStartDate : today;
    LocalDate validUntil = from.plusMonths(properties.credentialValidityMonths());
    audit(issuanceRef, AuditAction.STATUS_SLOT_ALLOCATED, AuditRecord.SYSTEM,
        "slot " + slot.statusListId() + "/" + slot.statusIndex() + ", valid until " + validUntil);
    return new Allocation(slot, validUntil, today.plus(properties.pickupWindow()));
  }

  public void recordIssuance(String issuanceRef, CitizenRef citizen, Oin issuer, StatusSlot slot,
      LocalDate validUntil) {
    records.save(new IssuanceRecord(issuanceRef, citizen, issuer, slot, validUntil, clock.instant()));
    audit(issuanceRef, AuditAction.CREDENTIAL_ISSUED, AuditRecord.SYSTEM,
        "issuer " + issuer + ", slot " + slot.statusListId() + "/" + slot.statusIndex());
  }

  public String sealHiddenFacts(HiddenFacts facts) {
    try {
      return factSealer.seal(JSON.writeValueAsString(facts));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write hidden facts", e);
    }
  }

  public HiddenFacts openHiddenFacts(String sealed) {
    try {
      return JSON.readValue(factSealer.open(sealed), HiddenFacts.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("sealed hidden facts are not readable", e);
    }
  }

  public void audit(String reference, AuditAction action, String actor, String detail) {
    audit.record(new AuditRecord(clock.instant(), reference, action, actor, detail));
  }
}
