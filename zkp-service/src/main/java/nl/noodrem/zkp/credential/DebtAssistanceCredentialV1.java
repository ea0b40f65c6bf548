package nl.noodrem.zkp.credential;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.noodrem.domain.AssistanceType;
import nl.noodrem.domain.Bsn;
import nl.noodrem.domain.InvalidValueException;
import nl.noodrem.domain.Oin;
import nl.noodrem.zkp.MalformedInputException;

/**
 * The DebtAssistanceCredential, version 1: what a municipality attests about a citizen's debt help.
 *
 * <p>Attributes, in message order: bsn, issuerOin, assistanceType, decisionDate, helpStartDate, validUntil,
 * statusListId, statusIndex, debtAmountCents, creditorCount, counsellorId. The last three stay hidden from CJIB
 * ({@link #CJIB_DISCLOSURE} does not ask for them).
 *
 * <p>The schema is frozen: its canonical document and SHA-256 ({@link #DOCUMENT_SHA256}) are registered on chain.
 * Adding an assistance type to the domain is a new schema version, not a change to this one.
 */
public final class DebtAssistanceCredentialV1 {

  public static final String ID = "DebtAssistanceCredential";
  public static final int VERSION = 1;

  /** The assistance types of version 1, in encoding order (fixed; see the class comment). */
  public static final List<String> ASSISTANCE_TYPES =
      List.of("MSNP", "WSNP", "STABILISATIE", "BUDGETBEHEER", "BESCHERMINGSBEWIND");

  public static final CredentialSchema SCHEMA = new CredentialSchema(ID, VERSION, List.of(
      AttributeDefinition.string("bsn"),
      AttributeDefinition.string("issuerOin"),
      AttributeDefinition.enumeration("assistanceType", ASSISTANCE_TYPES),
      AttributeDefinition.date("decisionDate"),
      AttributeDefinition.date("helpStartDate"),
      AttributeDefinition.date("validUntil"),
      AttributeDefinition.integer("statusListId"),
      AttributeDefinition.integer("statusIndex"),
      AttributeDefinition.integer("debtAmountCents"),
      AttributeDefinition.integer("creditorCount"),
      AttributeDefinition.string("counsellorId")));

  /** SHA-256 of the canonical schema document, hex; pinned so that an accidental change fails the build. */
  public static final String DOCUMENT_SHA256 = "800e5576775c2c3ed9a42bcfa2fda9769c88f31cfc491335b85734cb3ce91924";

  /** What CJIB asks a citizen to disclose. */
  public static final List<String> CJIB_DISCLOSURE =
      List.of("bsn", "assistanceType", "helpStartDate", "validUntil", "statusListId", "statusIndex");

  private DebtAssistanceCredentialV1() {}

  /** The facts an issuer signs, typed with the domain's value types. */
  public record Subject(
      Bsn bsn,
      Oin issuerOin,
      AssistanceType assistanceType,
      LocalDate decisionDate,
      LocalDate helpStartDate,
      LocalDate validUntil,
      long statusListId,
      long statusIndex,
      long debtAmountCents,
      int creditorCount,
      String counsellorId) {

    public Subject {
      Objects.requireNonNull(bsn, "bsn");
      Objects.requireNonNull(issuerOin, "issuerOin");
      Objects.requireNonNull(assistanceType, "assistanceType");
      Objects.requireNonNull(decisionDate, "decisionDate");
      Objects.requireNonNull(helpStartDate, "helpStartDate");
      Objects.requireNonNull(validUntil, "validUntil");
      Objects.requireNonNull(counsellorId, "counsellorId");
      if (statusListId < 0 || statusIndex < 0 || debtAmountCents < 0 || creditorCount < 0) {
        throw new IllegalArgumentException("status list id, status index, amount and creditor count are >= 0");
      }
      if (validUntil.isBefore(helpStartDate)) {
        throw new IllegalArgumentException("validUntil lies before helpStartDate");
      }
    }

    /** The attribute map a {@link CredentialSigner} signs. */
    public Map<String, AttributeValue> toAttributes() {
      Map<String, AttributeValue> a = new LinkedHashMap<>();
      a.put("bsn", AttributeValue.string(bsn.digits()));
      a.put("issuerOin", AttributeValue.string(issuerOin.value()));
      a.put("assistanceType", AttributeValue.enumeration(assistanceType.name()));
      a.put("decisionDate", AttributeValue.date(decisionDate));
      a.put("helpStartDate", AttributeValue.date(helpStartDate));
      a.put("validUntil", AttributeValue.date(validUntil));
      a.put("statusListId", AttributeValue.integer(statusListId));
      a.put("statusIndex", AttributeValue.integer(statusIndex));
      a.put("debtAmountCents", AttributeValue.integer(debtAmountCents));
      a.put("creditorCount", AttributeValue.integer(creditorCount));
      a.put("counsellorId", AttributeValue.string(counsellorId));
      return a;
    }

    @Override
    public String toString() {
      return "DebtAssistanceCredentialV1.Subject[bsn=" + bsn + ", issuerOin=" + issuerOin + ", redacted]";
    }
  }

  /** What CJIB learns from a verified presentation, typed. */
  public record CjibDisclosure(
      Bsn bsn, AssistanceType assistanceType, LocalDate helpStartDate, LocalDate validUntil, long statusListId,
      long statusIndex) {

    /**
     * @throws MalformedInputException if the presentation is not of this schema or lacks an attribute CJIB needs
     */
    public static CjibDisclosure from(VerifiedPresentation presentation) throws MalformedInputException {
      if (!presentation.schema().id().equals(ID) || presentation.schema().version() != VERSION) {
        throw new MalformedInputException("not a " + ID + " v" + VERSION + " presentation");
      }
      try {
        return new CjibDisclosure(
            Bsn.of(presentation.string("bsn")),
            AssistanceType.fromCode(presentation.enumeration("assistanceType")),
            presentation.date("helpStartDate"),
            presentation.date("validUntil"),
            presentation.integer("statusListId"),
            presentation.integer("statusIndex"));
      } catch (InvalidValueException e) {
        throw new MalformedInputException("disclosed " + e.field() + " is not valid");
      }
    }

    @Override
    public String toString() {
      return "CjibDisclosure[bsn=" + bsn + ", assistanceType=" + assistanceType + ", helpStartDate=" + helpStartDate
          + ", validUntil=" + validUntil + ", statusListId=" + statusListId + ", statusIndex=" + statusIndex + "]";
    }
  }
}
