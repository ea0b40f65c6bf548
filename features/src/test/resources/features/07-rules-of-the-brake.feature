Feature: The rules of the brake
  The brake's rules are kept by the engine, and what the collection system holds follows them: 4 months at
  once, 8 more on a proof counted from the old end, 12 months by the rules alone, a case officer's word for a
  repeated pull, and no hold left behind when a brake ends in any way.

  Scenario: A second pull soon after a brake that ended without proof holds nothing until a case officer decides
    Given a citizen with 1 open case at CJIB
    And the citizen has pulled the brake
    And the first hold ended without a proof of debt help
    When the citizen pulls the brake a second time
    Then a CJIB case officer finds a task to decide on the repeated pull
    And the collection system does not hold the citizen's case
    When the case officer grants the repeated pull
    Then the collection system holds the case for 4 months from today

  Scenario: A renewed proof never takes the hold past 12 months by the rules alone
    Given a citizen with 1 open case at CJIB
    And the municipality of "Den Haag" has decided to give the citizen debt help
    And the citizen holds a debt-help credential from "Den Haag" in their wallet
    And the citizen has pulled the brake
    And the citizen has presented a valid proof of debt help
    When the citizen presents the proof of debt help again
    Then the renewal is decided
    And the collection system holds the case for 12 months from the day the brake was pulled

  Scenario: A review that outlasts the hold does not let the hold lapse
    Given a citizen with an open case at the bailiff stage
    And the municipality of "Den Haag" has decided to give the citizen debt help
    And the citizen holds a debt-help credential from "Den Haag" in their wallet
    And the citizen has pulled the brake
    When the citizen presents a proof of debt help
    And the case officer's review is still open shortly before the hold ends
    Then the collection system holds the case for 12 months from the day the brake was pulled

  Scenario: A brake cancelled in Cockpit still lifts its cases
    Given a citizen with 1 open case at CJIB
    And the citizen has pulled the brake
    When the brake is cancelled in Cockpit, skipping custom listeners
    Then the collection system lifts the hold on the citizen's case

  Scenario: A case officer corrects the end date within the rules
    Given a citizen with 1 open case at CJIB
    And the citizen has pulled the brake
    When a case officer moves the end of the hold to 6 months after the pull
    Then the collection system holds the case for 6 months from the day the brake was pulled
    And a case officer cannot move the end of the hold to 19 months after the pull

  Scenario: A case officer ends the brake because the cases were paid
    Given a citizen with 1 open case at CJIB
    And the citizen has pulled the brake
    When a case officer ends the brake because the cases were paid
    Then the collection system lifts the hold on the citizen's case
    And the citizen is told the brake ended because the cases were paid

  Scenario: Debt help that ends before the credential is collected stops the credential
    Given a citizen with 1 open case at CJIB
    And the citizen has pulled the brake
    And the municipality of "Den Haag" has decided to give the citizen debt help
    And the citizen asks "Den Haag" for a debt-help credential
    And the credential is ready for pickup
    When the municipality delivers a batch file saying the citizen's debt help ended
    Then the citizen can no longer collect the credential

  Scenario: A case opened while the first hold waits for the collection system is held too
    Given a citizen with 1 open case at CJIB
    And the collection system is down
    When the citizen logs in with DigiD and pulls the brake
    Then no hold is confirmed yet
    When CJIB opens a new case for the citizen
    And the collection system is back
    Then the collection system holds every case of the citizen for 4 months from today

  Scenario: A case the collection system refuses to hold is not called held
    Given a citizen with 2 open cases at CJIB
    And the collection system is down
    When the citizen logs in with DigiD and pulls the brake
    Then no hold is confirmed yet
    When one of the citizen's cases is paid before the collection system carries out the hold
    And the collection system is back
    Then the collection system holds only the other case for 4 months from today
    And the citizen is told which case is not held and why
    And CJIB operations find a task about the case that was not held
