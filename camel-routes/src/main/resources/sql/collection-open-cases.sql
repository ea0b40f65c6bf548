-- The citizen's open cases, from the read-only view CJIB's collection system offers Noodrem.
SELECT ZAAKNUMMER, SOORT, OPENSTAAND_CENTEN, STADIUM, BESLISDATUM, GEHOUDEN
  FROM V_NOODREM_OPEN_ZAAK
 WHERE BSN = :#bsn
 ORDER BY BESLISDATUM, ZAAKNUMMER
