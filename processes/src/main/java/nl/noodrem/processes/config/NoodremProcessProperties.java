package nl.noodrem.processes.config;

import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.util.Objects;
import nl.noodrem.domain.HoldPeriod;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything about the flows that a process owner may tune without a new model version.
 *
 * @param zone the zone in which hold dates turn into timer instants (a hold ends at midnight in the Netherlands)
 * @param firstHoldMonths the first hold on pulling the brake (noodstop procedure: 4)
 * @param extensionMonths the DMN's default extension on a valid proof (noodstop procedure: 8)
 * @param revocationGrace how long a hold stays after the credential was revoked, so that a citizen whose help
 *     moved or was renewed can present a new proof
 * @param acknowledgementOverdue after this long without the collection system's acknowledgement, operations get
 *     a task (commands stay queued; nothing is lost, but somebody should look)
 * @param pickupWindow how long an approved credential waits for the citizen to collect it
 * @param credentialValidityMonths how long a credential is valid from the later of today and the help start
 *     (MSNP and WSNP both last 18 months since 1 July 2023)
 * @param reviewDueBefore a case officer's review is due this long before the current hold ends
 * @param review thresholds that make the DMN ask a case officer
 * @param historyTimeToLive how long Camunda keeps the history of finished instances and decisions
 * @param previousBrakesWindow how far back earlier brakes of the same citizen count for the DMN
 * @param sealingKey base64 of 32 bytes: AES-256-GCM key for facts a process must keep but nobody may read
 *     (the hidden attributes of an approved credential until pickup). Secret: empty in committed files
 * @param proofAudience the audience a presentation must be bound to (CJIB's verifier)
 * @param proofRequestLifetime how long a presentation request (its nonce) may be answered
 * @param paymentPlanMonths the standard payment plan offered when a hold ends (CJIB: 36 months)
 * @param reviewEscalationBefore a case officer's review still open this long before the hold ends is decided by
 *     the rules (the DMN's proposal, at most 12 months), so the extension reaches the collection system in time
 * @param reminderBefore the citizen is reminded this long before any hold ends
 * @param leniencyMonths the first hold is extended once by this much when the municipality is still deciding
 *     shortly before it ends (a slow municipality is not held against the citizen; the Wgs gives it 8 weeks)
 */
@ConfigurationProperties("noodrem.process")
public record NoodremProcessProperties(
    @DefaultValue("Europe/Amsterdam") ZoneId zone,
    @DefaultValue("4") int firstHoldMonths,
    @DefaultValue("8") int extensionMonths,
    @DefaultValue("P30D") Period revocationGrace,
    @DefaultValue("PT4H") Duration acknowledgementOverdue,
    @DefaultValue("P7D") Period pickupWindow,
    @DefaultValue("18") int credentialValidityMonths,
    @DefaultValue("P14D") Period reviewDueBefore,
    @DefaultValue Review review,
    @DefaultValue("P180D") Period historyTimeToLive,
    @DefaultValue("P5Y") Period previousBrakesWindow,
    @DefaultValue("") String sealingKey,
    @DefaultValue("urn:nl:cjib:noodrem") String proofAudience,
    @DefaultValue("PT15M") Duration proofRequestLifetime,
    @DefaultValue("36") int paymentPlanMonths,
    @DefaultValue("P3D") Period reviewEscalationBefore,
    @DefaultValue("P30D") Period reminderBefore,
    @DefaultValue("2") int leniencyMonths) {

  /**
   * @param outstandingThresholdCents above this total outstanding a case officer reviews (default EUR 5,000)
   * @param repeatedBrakes this many earlier brakes in {@code previousBrakesWindow} make a case officer review
   * @param extensionsWithoutReview this many extensions in one brake are granted without review; the next one
   *     is reviewed
   */
  public record Review(
      @DefaultValue("500000") long outstandingThresholdCents,
      @DefaultValue("2") int repeatedBrakes,
      @DefaultValue("2") int extensionsWithoutReview) {

    public Review {
      if (outstandingThresholdCents < 0 || repeatedBrakes < 1 || extensionsWithoutReview < 0) {
        throw new IllegalArgumentException(
            "noodrem.process.review: threshold >= 0, repeated-brakes >= 1, extensions-without-review >= 0");
      }
    }
  }

  public NoodremProcessProperties {
    Objects.requireNonNull(zone, "noodrem.process.zone");
    Objects.requireNonNull(revocationGrace, "noodrem.process.revocation-grace");
    Objects.requireNonNull(acknowledgementOverdue, "noodrem.process.acknowledgement-overdue");
    Objects.requireNonNull(pickupWindow, "noodrem.process.pickup-window");
    Objects.requireNonNull(reviewDueBefore, "noodrem.process.review-due-before");
    Objects.requireNonNull(review, "noodrem.process.review");
    Objects.requireNonNull(historyTimeToLive, "noodrem.process.history-time-to-live");
    Objects.requireNonNull(previousBrakesWindow, "noodrem.process.previous-brakes-window");
    sealingKey = sealingKey == null ? "" : sealingKey;
    Objects.requireNonNull(proofAudience, "noodrem.process.proof-audience");
    Objects.requireNonNull(proofRequestLifetime, "noodrem.process.proof-request-lifetime");
    Objects.requireNonNull(reviewEscalationBefore, "noodrem.process.review-escalation-before");
    Objects.requireNonNull(reminderBefore, "noodrem.process.reminder-before");
    if (leniencyMonths < 1 || firstHoldMonths + leniencyMonths > HoldPeriod.STANDARD_MAX_MONTHS) {
      throw new IllegalArgumentException("noodrem.process.leniency-months must be >= 1 and fit in 12 months");
    }
    if (paymentPlanMonths < 1) {
      throw new IllegalArgumentException("noodrem.process.payment-plan-months must be >= 1");
    }
    if (firstHoldMonths < 1 || extensionMonths < 1
        || firstHoldMonths + extensionMonths > HoldPeriod.STANDARD_MAX_MONTHS) {
      throw new IllegalArgumentException("noodrem.process: first-hold-months and extension-months must be >= 1 and "
          + "together at most " + HoldPeriod.STANDARD_MAX_MONTHS);
    }
    if (credentialValidityMonths < 1) {
      throw new IllegalArgumentException("noodrem.process.credential-validity-months must be >= 1");
    }
    if (historyTimeToLive.isNegative() || historyTimeToLive.isZero()) {
      throw new IllegalArgumentException("noodrem.process.history-time-to-live must be positive");
    }
  }

  /** The defaults, as a process owner would get them with no configuration at all (tests use these). */
  public static NoodremProcessProperties defaults(String sealingKey) {
    return new NoodremProcessProperties(ZoneId.of("Europe/Amsterdam"), HoldPeriod.FIRST_HOLD_MONTHS,
        HoldPeriod.EXTENSION_MONTHS, Period.ofDays(30), Duration.ofHours(4), Period.ofDays(7), 18,
        Period.ofDays(14), new Review(500_000, 2, 2), Period.ofDays(180), Period.ofYears(5), sealingKey,
        "urn:nl:cjib:noodrem", Duration.ofMinutes(15), 36, Period.ofDays(3), Period.ofDays(30), 2);
  }

  /** The history time-to-live in whole days, as Camunda wants it. */
  public int historyTimeToLiveDays() {
    // a Period of years/months has no fixed day count; count them from a fixed epoch so the value is stable
    java.time.LocalDate epoch = java.time.LocalDate.of(2000, 1, 1);
    return Math.toIntExact(java.time.temporal.ChronoUnit.DAYS.between(epoch, epoch.plus(historyTimeToLive)));
  }

  /** Leaves the sealing key out: configuration gets logged (actuator, startup dumps), secrets must not. */
  @Override
  public String toString() {
    return "NoodremProcessProperties[zone=" + zone + ", firstHoldMonths=" + firstHoldMonths + ", extensionMonths="
        + extensionMonths + ", revocationGrace=" + revocationGrace + ", acknowledgementOverdue="
        + acknowledgementOverdue + ", pickupWindow=" + pickupWindow + ", credentialValidityMonths="
        + credentialValidityMonths + ", reviewDueBefore=" + reviewDueBefore + ", review=" + review
        + ", historyTimeToLive=" + historyTimeToLive + ", previousBrakesWindow=" + previousBrakesWindow
        + ", sealingKey=" + (sealingKey.isEmpty() ? "<unset>" : "<redacted>") + ", proofAudience=" + proofAudience
        + ", proofRequestLifetime=" + proofRequestLifetime + ", paymentPlanMonths=" + paymentPlanMonths + "]";
  }
}
