Feature: No personal data where it does not belong
  Process data, Cockpit and the logs carry pseudonymous references, never a citizen service number.
  This feature runs last and inspects what all the scenarios before it left behind.

  Scenario: No BSN of this run appears in the process engine's tables, Noodrem's own tables or the log
    Given the scenarios before this one have run with their citizens
    Then no table of the process engine or of Noodrem holds any of their BSNs, as text or in hex
    And the application log holds none of their BSNs
