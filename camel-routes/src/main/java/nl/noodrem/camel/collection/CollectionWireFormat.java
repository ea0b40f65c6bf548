package nl.noodrem.camel.collection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The JSON messages exchanged with CJIB's collection system over JMS (contract: module README,
 * "CJIB collection system"). Version 1; unknown fields are ignored so that CJIB can add some.
 */
final class CollectionWireFormat {

  static final int VERSION = 1;

  private CollectionWireFormat() {}

  /**
   * {@code action} HOLD carries holdStart/holdEnd/suspendSurcharges; LIFT carries liftReason; PAYMENT_PLAN carries
   * paymentPlanMonths. A collection system
   * that does not know {@code suspendSurcharges} ignores it (version 1 allows added fields).
   */
  record Command(
      int version,
      String commandId,
      String brakeRef,
      String action,
      List<String> cases,
      LocalDate holdStart,
      LocalDate holdEnd,
      String liftReason,
      Boolean suspendSurcharges,
      Integer paymentPlanMonths) {}

  record Acknowledgement(
      int version,
      String commandId,
      String brakeRef,
      String action,
      List<String> accepted,
      List<String> rejected,
      String reason,
      Instant processedAt) {}

  record CaseOpened(
      int version,
      String eventId,
      String bsn,
      String caseNumber,
      String kind,
      long outstandingCents,
      String stage,
      LocalDate decisionDate,
      Instant openedAt) {}
}
