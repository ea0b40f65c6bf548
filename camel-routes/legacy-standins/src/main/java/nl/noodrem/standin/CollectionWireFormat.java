package nl.noodrem.standin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The JSON messages CJIB's collection system exchanges over JMS, as the stand-in speaks them. The
 * product's copy of this contract lives in camel-routes ({@code nl.noodrem.camel.collection}); the
 * two are kept apart on purpose, as two parties' code would be, and the round-trip tests in
 * camel-routes keep them in step.
 */
final class CollectionWireFormat {

  private CollectionWireFormat() {}

  /**
   * A hold (opschorting), lift (hervatting) or payment-plan (betalingsregeling) command. HOLD carries
   * {@code suspendSurcharges} (no surcharges while held); PAYMENT_PLAN carries {@code paymentPlanMonths}.
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

  /** The answer to a command. */
  record Acknowledgement(
      int version,
      String commandId,
      String brakeRef,
      String action,
      List<String> accepted,
      List<String> rejected,
      String reason,
      Instant processedAt) {}

  /** A newly opened case. */
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
