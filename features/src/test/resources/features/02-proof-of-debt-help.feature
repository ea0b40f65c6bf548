Feature: Proof of debt help extends the hold
  Within the four months the citizen shows, with a zero-knowledge proof from the credential their
  municipality issued, that they get debt help. CJIB learns the kind of help and its dates, never
  the debt file.

  Background:
    Given a citizen with 2 open cases at CJIB
    And the municipality of "Den Haag" has decided to give the citizen debt help
    And the citizen holds a debt-help credential from "Den Haag" in their wallet
    And the citizen has pulled the brake

  Scenario: A valid proof extends the hold by eight months
    When the citizen presents a proof of debt help
    Then the proof is accepted
    And the collection system holds both cases for 12 months from the day the brake was pulled

  Scenario Outline: A proof that cannot be trusted is refused, and the citizen is told why
    Given <situation>
    When the citizen presents that proof
    Then the proof is refused with the reason "<reason>"
    And the hold still ends 4 months after the day the brake was pulled

    Examples:
      | situation                                                  | reason                |
      | the credential was issued by a municipality not accredited | ISSUER_UNKNOWN        |
      | the issuing municipality has been suspended                | ISSUER_NOT_ACCREDITED |
      | the proof has been tampered with                           | FORGED                |
      | the proof answers an earlier request                       | REPLAYED              |
      | the proof was made for another citizen                     | OTHER_CITIZEN         |
      | the credential has expired                                 | EXPIRED               |

  Scenario: A proof cannot be used twice
    Given the citizen has presented a valid proof of debt help
    When the citizen's earlier proof is presented again
    Then the proof is refused with the reason "REPLAYED"
    And the hold still ends 12 months after the day the brake was pulled
