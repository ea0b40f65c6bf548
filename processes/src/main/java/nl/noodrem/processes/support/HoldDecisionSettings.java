package nl.noodrem.processes.support;

import nl.noodrem.processes.config.NoodremProcessProperties;

/**
 * The tunable numbers of the hold-decision DMN, handed to it by Task_DecideHold's input mapping
 * ({@code ${holdDecisionSettings...}}), so the table's structure is versioned with the model and its thresholds
 * are configuration.
 */
public class HoldDecisionSettings {

  private final NoodremProcessProperties properties;

  public HoldDecisionSettings(NoodremProcessProperties properties) {
    this.properties = properties;
  }

  public long outstandingThresholdCents() {
    return properties.review().outstandingThresholdCents();
  }

  public long repeatedBrakes() {
    return properties.review().repeatedBrakes();
  }

  public long extensionsWithoutReview() {
    return properties.review().extensionsWithoutReview();
  }

  public long extensionMonths() {
    return properties.extensionMonths();
  }
}
