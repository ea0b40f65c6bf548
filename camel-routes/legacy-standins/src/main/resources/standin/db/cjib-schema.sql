-- Stand-in: CJIB's collection system (incassosysteem).
CREATE TABLE IF NOT EXISTS CJIB_ZAAK (
  ZAAKNUMMER         VARCHAR(32)  PRIMARY KEY,
  BSN                CHAR(9)      NOT NULL,
  -- WAHV, CRIMINAL_FINE, COMPENSATION_ORDER
  SOORT              VARCHAR(24)  NOT NULL,
  OPENSTAAND_CENTEN  BIGINT       NOT NULL,
  -- DECISION, FIRST_REMINDER, SECOND_REMINDER, RECOURSE, BAILIFF, COERCIVE_MEASURE
  STADIUM            VARCHAR(24)  NOT NULL,
  BESLISDATUM        DATE         NOT NULL,
  -- OPEN, BETAALD (paid), GESLOTEN (closed)
  STATUS             VARCHAR(16)  NOT NULL,
  UITSTEL_VAN        DATE,
  UITSTEL_TOT        DATE,
  UITSTEL_OPDRACHT   VARCHAR(64),
  -- no surcharges (verhogingen) while the hold runs, as the hold command said
  VERHOGING_OPGESCHORT BOOLEAN    DEFAULT FALSE NOT NULL,
  -- a payment plan the citizen accepted: number of monthly instalments, and the command that set it
  REGELING_TERMIJNEN INTEGER,
  REGELING_OPDRACHT  VARCHAR(64)
);
CREATE INDEX IF NOT EXISTS CJIB_ZAAK_BSN ON CJIB_ZAAK (BSN);

-- Commands already carried out, so that a command delivered twice acts once (answered with the same ack).
CREATE TABLE IF NOT EXISTS CJIB_VERWERKTE_OPDRACHT (
  OPDRACHT_ID        VARCHAR(64)  PRIMARY KEY,
  BEVESTIGING        VARCHAR(4000) NOT NULL,
  VERWERKT_OP        TIMESTAMP    NOT NULL
);

-- The read-only view CJIB offers Noodrem: open cases per BSN, and whether a hold is in force today.
CREATE OR REPLACE VIEW V_NOODREM_OPEN_ZAAK AS
  SELECT ZAAKNUMMER, BSN, SOORT, OPENSTAAND_CENTEN, STADIUM, BESLISDATUM,
         CASE WHEN UITSTEL_TOT IS NOT NULL AND UITSTEL_VAN <= CURRENT_DATE AND UITSTEL_TOT > CURRENT_DATE
              THEN TRUE ELSE FALSE END AS GEHOUDEN
    FROM CJIB_ZAAK
   WHERE STATUS = 'OPEN';
