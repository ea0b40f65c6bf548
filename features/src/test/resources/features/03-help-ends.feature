Feature: Collection resumes by itself when debt help ends
  When the municipality reports that debt help has ended, the credential is revoked on chain and
  CJIB lifts the hold after a grace period. Nobody at CJIB has to act.

  Background:
    Given a citizen with 1 open case at CJIB
    And the municipality of "Den Haag" has decided to give the citizen debt help
    And the citizen holds a debt-help credential from "Den Haag" in their wallet
    And the citizen has pulled the brake
    And the citizen has presented a valid proof of debt help

  Scenario: A revoked credential lifts the hold after the grace period
    When the municipality revokes the citizen's credential
    And the grace period has passed
    Then the collection system lifts the hold on the citizen's case
    And the citizen is offered a payment plan
    When the citizen accepts the payment plan in the portal
    Then the collection system has a payment plan of 36 months on the citizen's case
    And accepting it again changes nothing

  Scenario: A debt-help-ended record in a batch file revokes the credential and lifts the hold
    When the municipality delivers a batch file saying the citizen's debt help ended
    Then the citizen's credential is revoked on chain
    And after the grace period the collection system lifts the hold on the citizen's case

  Scenario: A batch file delivered twice changes nothing the second time
    Given the municipality delivered a batch file saying the citizen's debt help ended
    And the brake is in its grace period
    When the same batch file is delivered again
    Then the credential is revoked only once
    And the brake saw the revocation only once
    When the grace period has passed
    Then the hold is lifted only once
