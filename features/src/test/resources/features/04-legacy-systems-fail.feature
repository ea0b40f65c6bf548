Feature: Legacy systems may fail, nothing gets lost

  Scenario: The collection system being down delays the hold but loses nothing
    Given a citizen with 2 open cases at CJIB
    And the collection system is down
    When the citizen logs in with DigiD and pulls the brake
    Then no hold is confirmed yet
    When the collection system is back
    Then the collection system holds both cases for 4 months from today
    And each hold was placed exactly once
