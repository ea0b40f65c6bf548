package nl.noodrem.camel.batch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.noodrem.camel.errors.InvalidRecordException;
import nl.noodrem.domain.AssistanceType;
import nl.noodrem.domain.Bsn;
import nl.noodrem.domain.InvalidValueException;
import nl.noodrem.domain.Oin;
import nl.noodrem.domain.event.DebtHelpEnded;
import nl.noodrem.domain.event.DebtHelpStarted;
import nl.noodrem.domain.event.DomainEvent;

/**
 * Turns one line of a debt-help batch file into a canonical event. Layouts: module README, "Batch file
 * layouts". Rejections are {@link InvalidRecordException}s whose message names the field and the rule
 * and never repeats the line (it holds a BSN).
 *
 * <p>The event's {@code sourceId} is {@code batch/<municipality OIN>/<record id>}: the municipality's
 * own id of the mutation, so the same record delivered again in a later file is recognised.
 */
public final class BatchRecordParser {

  /** Length of a fixed-width record; trailing spaces may be missing. */
  public static final int FIXED_WIDTH_LENGTH = 124;
  static final String CSV_HEADER =
      "record_type;record_id;municipality_oin;bsn;assistance_type;decision_date;help_start_date;end_date;end_reason";
  private static final int CSV_FIELDS = 9;
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final DateTimeFormatter COMPACT_DATE = DateTimeFormatter.BASIC_ISO_DATE;

  private BatchRecordParser() {}

  /** True for lines that carry no record: blank lines and the CSV header. */
  public static boolean isNoRecord(String line, BatchLayout layout) {
    String text = stripLineEnd(line);
    if (text.isBlank()) {
      return true;
    }
    return layout == BatchLayout.CSV && text.strip().toLowerCase(Locale.ROOT).startsWith("record_type;");
  }

  /** @throws InvalidRecordException when the line is malformed or breaks a domain rule */
  public static DomainEvent parse(String line, BatchLayout layout) {
    Fields f = layout == BatchLayout.CSV ? csv(stripLineEnd(line)) : fixedWidth(stripLineEnd(line));
    try {
      Oin municipality = Oin.of(required(f.municipalityOin, "municipality_oin"));
      Bsn bsn = Bsn.of(required(f.bsn, "bsn"));
      String recordId = required(f.recordId, "record_id");
      if (recordId.length() > 64 || !recordId.matches("[A-Za-z0-9._-]+")) {
        throw new InvalidRecordException("record_id must be 1-64 characters of letters, digits, '.', '_' or '-'");
      }
      String sourceId = "batch/" + municipality.value() + "/" + recordId;
      return switch (required(f.recordType, "record_type")) {
        case "STARTED", "S" -> {
          LocalDate decision = date(f.decisionDate, "decision_date", layout);
          yield new DebtHelpStarted(sourceId, startOfDay(decision), bsn, municipality,
              AssistanceType.fromCode(required(f.assistanceType, "assistance_type")),
              decision, date(f.helpStartDate, "help_start_date", layout));
        }
        case "ENDED", "E" -> {
          LocalDate end = date(f.endDate, "end_date", layout);
          yield new DebtHelpEnded(sourceId, startOfDay(end), bsn, municipality, end,
              endReason(required(f.endReason, "end_reason")));
        }
        default -> throw new InvalidRecordException("record_type must be STARTED/ENDED (CSV) or S/E (fixed width)");
      };
    } catch (InvalidValueException e) {
      throw new InvalidRecordException(e.getMessage(), e);
    }
  }

  private record Fields(String recordType, String recordId, String municipalityOin, String bsn,
      String assistanceType, String decisionDate, String helpStartDate, String endDate, String endReason) {}

  private static Fields csv(String line) {
    List<String> v = splitCsv(line);
    if (v.size() != CSV_FIELDS) {
      throw new InvalidRecordException("expected " + CSV_FIELDS + " fields separated by ';', found " + v.size());
    }
    return new Fields(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6), v.get(7), v.get(8));
  }

  private static Fields fixedWidth(String line) {
    if (line.length() > FIXED_WIDTH_LENGTH) {
      throw new InvalidRecordException("fixed-width record longer than " + FIXED_WIDTH_LENGTH + " characters");
    }
    if (line.length() < 50) {
      throw new InvalidRecordException("fixed-width record shorter than 50 characters (cut off before the BSN ends)");
    }
    String r = String.format(Locale.ROOT, "%-" + FIXED_WIDTH_LENGTH + "s", line);
    return new Fields(r.substring(0, 1), r.substring(1, 21), r.substring(21, 41), r.substring(41, 50),
        r.substring(50, 70), r.substring(70, 78), r.substring(78, 86), r.substring(86, 94), r.substring(94, 124));
  }

  /** Semicolon-separated with optional double quotes (a quote inside a quoted field is doubled). */
  static List<String> splitCsv(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          current.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          current.append(c);
        }
      } else if (c == '"' && current.isEmpty()) {
        quoted = true;
      } else if (c == ';') {
        fields.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    if (quoted) {
      throw new InvalidRecordException("unterminated quoted field");
    }
    fields.add(current.toString());
    return fields;
  }

  private static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new InvalidRecordException(field + " is missing");
    }
    return value.strip();
  }

  private static LocalDate date(String value, String field, BatchLayout layout) {
    String text = required(value, field);
    try {
      return layout == BatchLayout.CSV ? LocalDate.parse(text) : LocalDate.parse(text, COMPACT_DATE);
    } catch (DateTimeParseException e) {
      throw new InvalidRecordException(field + " must be a date as "
          + (layout == BatchLayout.CSV ? "yyyy-MM-dd" : "yyyyMMdd"));
    }
  }

  private static DebtHelpEnded.Reason endReason(String code) {
    try {
      return DebtHelpEnded.Reason.valueOf(code);
    } catch (IllegalArgumentException e) {
      throw new InvalidRecordException("end_reason must be one of " + java.util.Arrays.toString(DebtHelpEnded.Reason.values()));
    }
  }

  private static Instant startOfDay(LocalDate day) {
    return day.atStartOfDay(AMSTERDAM).toInstant();
  }

  private static String stripLineEnd(String line) {
    String text = line == null ? "" : line;
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1); // byte-order mark that spreadsheet exports put before the header
    }
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }
}
