package nl.noodrem.domain;

import java.util.Arrays;

/**
 * The kind of debt help a municipality decided to give (Wgs). The code is what credentials and legacy
 * systems carry; the labels are what people read.
 */
public enum AssistanceType {
  /** Minnelijk schuldhulpverleningstraject: an amicable settlement through the municipality (18 months). */
  MSNP("Minnelijke schuldregeling", "Amicable debt settlement"),
  /** Wet schuldsanering natuurlijke personen: the court-ordered scheme ending with a clean slate. */
  WSNP("Wettelijke schuldsanering (Wsnp)", "Statutory debt restructuring"),
  /** Stabilisation: income and expenses put in order before a settlement is possible. */
  STABILISATIE("Stabilisatie", "Stabilisation"),
  /** Budget management by or for the municipality without a settlement. */
  BUDGETBEHEER("Budgetbeheer", "Budget management"),
  /** Court-ordered protective administration of a person's finances. */
  BESCHERMINGSBEWIND("Beschermingsbewind", "Protective administration");

  private final String dutchLabel;
  private final String englishLabel;

  AssistanceType(String dutchLabel, String englishLabel) {
    this.dutchLabel = dutchLabel;
    this.englishLabel = englishLabel;
  }

  public String dutchLabel() {
    return dutchLabel;
  }

  public String englishLabel() {
    return englishLabel;
  }

  /**
   * @throws InvalidValueException for a code that is not one of ours (case-sensitive: the codes are
   *     an interface, not free text)
   */
  public static AssistanceType fromCode(String code) {
    return Arrays.stream(values())
        .filter(t -> t.name().equals(code))
        .findFirst()
        .orElseThrow(() -> new InvalidValueException("assistance type",
            "must be one of " + Arrays.toString(values())));
  }
}
