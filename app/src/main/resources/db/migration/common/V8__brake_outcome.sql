-- How a brake ended (a lift reason such as NO_PROOF_PRESENTED, or NOT_HELD). A pull within 12 months of a brake
-- that ended without a proof of debt help is decided by a case officer (DMN pull-decision).
ALTER TABLE noodrem_brake ADD COLUMN IF NOT EXISTS outcome VARCHAR(24);
