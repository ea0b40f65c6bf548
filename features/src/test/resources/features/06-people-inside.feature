Feature: Partners, operators and process owners see what they need, and no more

  Scenario: A municipality's case system sees the state of a brake it is involved in
    Given a citizen with 1 open case at CJIB
    And the municipality of "Den Haag" has decided to give the citizen debt help
    And the citizen holds a debt-help credential from "Den Haag" in their wallet
    And the citizen has pulled the brake
    And the citizen has presented a valid proof of debt help
    When the case system of "Den Haag" asks for the state of the citizen's brake
    Then it learns that collection is held until 12 months after the day the brake was pulled
    And the answer holds no BSN and carries the API version
    And the API's public OpenAPI document describes that resource

  Scenario: A case system cannot see a brake it is not involved in, nor any brake without its key
    Given a citizen with 1 open case at CJIB
    And the municipality of "Eindhoven" has decided to give the citizen debt help
    And the citizen holds a debt-help credential from "Eindhoven" in their wallet
    And the citizen has pulled the brake
    And the citizen has presented a valid proof of debt help
    When the case system of "Den Haag" asks for the state of the citizen's brake
    Then it is told, as problem+json, that there is no such brake
    When a caller without an API key asks for the state of the citizen's brake
    Then it is told, as problem+json, that it is not authenticated

  Scenario: A broken line in a batch file waits for a person, with its line number, who can close it
    When the municipality delivers a batch file whose second line is broken
    Then CJIB operations find the broken line among the batch bridge's dead letters, with line number 2
    When an operator closes it with a note
    Then it is no longer open

  Scenario: A process owner sees how many brakes wait for proof
    Given a citizen with 1 open case at CJIB
    And the process owner has read how many brakes wait for proof
    When the citizen has pulled the brake
    Then the metrics count exactly one more brake waiting for proof

  Scenario: A citizen cannot follow or collect another citizen's credential
    Given a citizen with no open cases at CJIB
    And the municipality of "Den Haag" has decided to give the citizen debt help
    And the citizen asks "Den Haag" for a debt-help credential
    When another citizen logs in with DigiD and asks about that request
    Then that other citizen is told the request is unknown
    And that other citizen cannot collect the credential
