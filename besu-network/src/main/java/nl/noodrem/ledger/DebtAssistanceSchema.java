package nl.noodrem.ledger;

import java.util.List;
import nl.noodrem.zkp.trust.SchemaRecord;
import nl.noodrem.zkp.trust.SchemaRecord.Attribute;

/**
 * The {@code DebtAssistanceCredential} v1 schema as registered on chain: attribute names and types in
 * BBS message order. The JSON schema document and its hash are zkp-service's; the caller passes the hash.
 */
public final class DebtAssistanceSchema {

  public static final String SCHEMA_ID = "DebtAssistanceCredential";
  public static final int VERSION = 1;

  public static final List<Attribute> ATTRIBUTES = List.of(
      new Attribute("bsn", "string"),
      new Attribute("issuerOin", "string"),
      new Attribute("assistanceType", "enum"),
      new Attribute("decisionDate", "date"),
      new Attribute("helpStartDate", "date"),
      new Attribute("validUntil", "date"),
      new Attribute("statusListId", "integer"),
      new Attribute("statusIndex", "integer"),
      new Attribute("debtAmountCents", "integer"),
      new Attribute("creditorCount", "integer"),
      new Attribute("counsellorId", "string"));

  private DebtAssistanceSchema() {}

  /** The v1 schema with the SHA-256 of its JSON schema document. */
  public static SchemaRecord v1(byte[] documentHash) {
    return new SchemaRecord(SCHEMA_ID, VERSION, ATTRIBUTES, documentHash);
  }
}
