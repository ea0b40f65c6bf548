Feature: Pulling the brake
  A citizen who cannot pay their fines pulls the emergency brake after logging in with DigiD.
  CJIB holds collection on all their open cases at once, for four months, without asking why.

  Scenario: Pulling the brake holds all open cases for four months
    Given a citizen with 2 open cases at CJIB
    When the citizen logs in with DigiD and pulls the brake
    Then the collection system holds both cases for 4 months from today
    And the citizen sees that collection is held and until when
    And the brake can be followed in Cockpit under a pseudonymous reference

  Scenario: Pulling the brake twice joins the running brake
    Given a citizen with 1 open case at CJIB
    And the citizen has pulled the brake
    When the citizen pulls the brake again
    Then the citizen is shown the same brake reference
    And only one brake is running for that citizen

  Scenario: A citizen without open cases is told so
    Given a citizen with no open cases at CJIB
    When the citizen logs in with DigiD and pulls the brake
    Then the citizen is told there are no open cases to hold

  Scenario: The brake is pulled only on the citizen's declaration, on the form and by a script alike
    Given a citizen with 1 open case at CJIB
    When the citizen sends the brake's form without ticking the declaration
    Then the portal asks for the declaration
    When a script asks to pull the brake without the declaration
    Then the script is told the declaration is missing
    And the citizen has no running brake
