Feature: A quiet log on the happy path
  Operations read ERROR lines as "a person must act". A run in which nothing went wrong leaves none, and no stack
  trace either. This feature runs last and reads the log of the whole run; scenarios that break a system on purpose
  are tagged @breaks-a-system and are not read.

  Scenario: The happy path logs no ERROR and no stack trace
    Given the scenarios before this one have run with their citizens
    Then the application log holds no ERROR line and no stack trace, except in scenarios that break a system
