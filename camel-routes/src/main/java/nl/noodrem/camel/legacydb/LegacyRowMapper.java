package nl.noodrem.camel.legacydb;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import nl.noodrem.camel.errors.InvalidRecordException;
import nl.noodrem.domain.AssistanceType;
import nl.noodrem.domain.Bsn;
import nl.noodrem.domain.InvalidValueException;
import nl.noodrem.domain.Oin;
import nl.noodrem.domain.event.DebtHelpEnded;
import nl.noodrem.domain.event.DebtHelpStarted;
import nl.noodrem.domain.event.DomainEvent;

/**
 * Maps a row of a municipality's status-mutation table ({@code SHV_STATUS_MUTATIE} layout, README) to
 * a canonical event. {@code sourceId} is {@code legacy-db/<municipality OIN>/<MUTATIE_ID>}.
 */
final class LegacyRowMapper {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private LegacyRowMapper() {}

  /** The row with JDBC values turned into JSON-friendly text (dates ISO), as kept in a dead letter. */
  static Map<String, Object> normalise(Map<String, Object> row) {
    Map<String, Object> out = new LinkedHashMap<>();
    row.forEach((k, v) -> out.put(k.toUpperCase(Locale.ROOT), jsonValue(v)));
    return out;
  }

  private static Object jsonValue(Object v) {
    if (v == null || v instanceof Number) {
      return v;
    }
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    if (v instanceof java.sql.Timestamp t) {
      return t.toLocalDateTime().toString();
    }
    return v.toString();
  }

  static DomainEvent toEvent(Map<String, Object> row) {
    try {
      String id = required(row, "MUTATIE_ID");
      Oin municipality = Oin.of(required(row, "GEMEENTE_OIN"));
      Bsn bsn = Bsn.of(required(row, "BSN"));
      String sourceId = "legacy-db/" + municipality.value() + "/" + id;
      return switch (required(row, "SOORT")) {
        case "START" -> {
          LocalDate decision = date(row, "BESCHIKKINGSDATUM");
          yield new DebtHelpStarted(sourceId, occurredAt(row, decision), bsn, municipality,
              AssistanceType.fromCode(required(row, "TRAJECTSOORT")), decision, date(row, "STARTDATUM"));
        }
        case "EINDE" -> {
          LocalDate end = date(row, "EINDDATUM");
          yield new DebtHelpEnded(sourceId, occurredAt(row, end), bsn, municipality, end,
              endReason(text(row, "EINDREDEN")));
        }
        default -> throw new InvalidRecordException("SOORT must be START or EINDE");
      };
    } catch (InvalidValueException e) {
      throw new InvalidRecordException(e.getMessage(), e);
    }
  }

  static String mutationId(Map<String, Object> row) {
    return required(row, "MUTATIE_ID");
  }

  private static DebtHelpEnded.Reason endReason(String code) {
    if (code == null) {
      return DebtHelpEnded.Reason.OTHER;
    }
    return switch (code) {
      case "AFGEROND" -> DebtHelpEnded.Reason.COMPLETED;
      case "DOOR_BURGER_BEEINDIGD" -> DebtHelpEnded.Reason.CANCELLED_BY_CITIZEN;
      case "DOOR_GEMEENTE_BEEINDIGD" -> DebtHelpEnded.Reason.TERMINATED_BY_MUNICIPALITY;
      case "VERHUISD" -> DebtHelpEnded.Reason.MOVED_TO_OTHER_MUNICIPALITY;
      default -> DebtHelpEnded.Reason.OTHER;
    };
  }

  private static Instant occurredAt(Map<String, Object> row, LocalDate fallback) {
    String registered = text(row, "GEREGISTREERD_OP");
    if (registered != null) {
      try {
        return LocalDateTime.parse(registered).atZone(AMSTERDAM).toInstant();
      } catch (DateTimeParseException e) {
        throw new InvalidRecordException("GEREGISTREERD_OP is not a timestamp");
      }
    }
    return fallback.atStartOfDay(AMSTERDAM).toInstant();
  }

  private static LocalDate date(Map<String, Object> row, String column) {
    String text = required(row, column);
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidRecordException(column + " is not a date");
    }
  }

  private static String required(Map<String, Object> row, String column) {
    String value = text(row, column);
    if (value == null || value.isBlank()) {
      throw new InvalidRecordException(column + " is missing");
    }
    return value.strip();
  }

  private static String text(Map<String, Object> row, String column) {
    Object value = row.get(column);
    return value == null ? null : value.toString();
  }
}
