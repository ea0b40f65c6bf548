Feature: People decide the unclear cases

  Scenario: An unclear case reaches a case officer in Tasklist
    Given a citizen with an open case at the bailiff stage
    And the municipality of "Den Haag" has decided to give the citizen debt help
    And the citizen holds a debt-help credential from "Den Haag" in their wallet
    And the citizen has pulled the brake
    When the citizen presents a proof of debt help
    Then a CJIB case officer finds a review task in Tasklist with the facts of the decision
    And the task shows no BSN
    When the case officer approves the proposed hold in Tasklist
    Then the collection system holds the case for 12 months from the day the brake was pulled

  Scenario: An unclear answer from the municipality reaches a debt counsellor
    Given a citizen whose municipality's system cannot say whether debt help was decided
    When the citizen asks "Den Haag" for a debt-help credential
    Then a debt counsellor of "Den Haag" finds a task to confirm the issuance
    When the debt counsellor confirms the debt help
    Then the citizen can collect the credential into their wallet
