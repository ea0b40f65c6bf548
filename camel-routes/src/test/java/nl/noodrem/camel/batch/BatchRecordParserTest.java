package nl.noodrem.camel.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import nl.noodrem.camel.errors.InvalidRecordException;
import nl.noodrem.domain.AssistanceType;
import nl.noodrem.domain.Bsn;
import nl.noodrem.domain.Oin;
import nl.noodrem.domain.event.DebtHelpEnded;
import nl.noodrem.domain.event.DebtHelpStarted;
import org.junit.jupiter.api.Test;

class BatchRecordParserTest {

  static final String OIN = "00000001999990001000";

  /** One fixed-width record, built field by field as the README describes. */
  static String fixed(String type, String id, String oin, String bsn, String assistance, String decision,
      String start, String end, String reason) {
    return String.format("%-1s%-20s%-20s%-9s%-20s%-8s%-8s%-8s%-30s",
        type, id, oin, bsn, assistance, decision, start, end, reason);
  }

  @Test
  void parse_csvStarted_isDebtHelpStarted() {
    var event = BatchRecordParser.parse(
        "STARTED;SHV-1;" + OIN + ";999993653;MSNP;2025-01-15;2025-02-01;;", BatchLayout.CSV);

    assertThat(event).isEqualTo(new DebtHelpStarted("batch/" + OIN + "/SHV-1", event.occurredAt(),
        Bsn.of("999993653"), Oin.of(OIN), AssistanceType.MSNP, LocalDate.of(2025, 1, 15), LocalDate.of(2025, 2, 1)));
  }

  @Test
  void parse_csvEndedQuotedWithCarriageReturn_isDebtHelpEnded() {
    var event = BatchRecordParser.parse(
        "\"ENDED\";\"SHV-2\";" + OIN + ";123456782;;;;2025-06-30;COMPLETED\r", BatchLayout.CSV);

    assertThat(event).isInstanceOfSatisfying(DebtHelpEnded.class, e -> {
      assertThat(e.endDate()).isEqualTo(LocalDate.of(2025, 6, 30));
      assertThat(e.reason()).isEqualTo(DebtHelpEnded.Reason.COMPLETED);
      assertThat(e.sourceId()).isEqualTo("batch/" + OIN + "/SHV-2");
    });
  }

  @Test
  void parse_fixedWidthStarted_isDebtHelpStarted() {
    String line = fixed("S", "SHV-3", OIN, "999993653", "WSNP", "20250115", "20250201", "", "");

    assertThat(line).hasSize(BatchRecordParser.FIXED_WIDTH_LENGTH);
    assertThat(BatchRecordParser.parse(line, BatchLayout.FIXED_WIDTH)).isInstanceOfSatisfying(DebtHelpStarted.class,
        e -> assertThat(e.assistanceType()).isEqualTo(AssistanceType.WSNP));
  }

  @Test
  void parse_fixedWidthEndedWithoutTrailingSpaces_isDebtHelpEnded() {
    String line = fixed("E", "SHV-4", OIN, "999993653", "", "", "", "20250630", "MOVED_TO_OTHER_MUNICIPALITY").stripTrailing();

    assertThat(BatchRecordParser.parse(line, BatchLayout.FIXED_WIDTH)).isInstanceOfSatisfying(DebtHelpEnded.class,
        e -> assertThat(e.reason()).isEqualTo(DebtHelpEnded.Reason.MOVED_TO_OTHER_MUNICIPALITY));
  }

  @Test
  void parse_bsnFailingElevenProof_isRejectedWithoutEchoingIt() {
    assertThatThrownBy(() -> BatchRecordParser.parse(
        "STARTED;SHV-5;" + OIN + ";999993654;MSNP;2025-01-15;2025-02-01;;", BatchLayout.CSV))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("11-proof")
        .hasMessageNotContaining("999993654");
  }

  @Test
  void parse_wrongFieldCount_isRejected() {
    assertThatThrownBy(() -> BatchRecordParser.parse("STARTED;SHV-6;" + OIN, BatchLayout.CSV))
        .isInstanceOf(InvalidRecordException.class).hasMessageContaining("expected 9 fields");
  }

  @Test
  void parse_badDate_isRejectedNamingTheField() {
    assertThatThrownBy(() -> BatchRecordParser.parse(
        "STARTED;SHV-7;" + OIN + ";999993653;MSNP;15-01-2025;2025-02-01;;", BatchLayout.CSV))
        .isInstanceOf(InvalidRecordException.class).hasMessageContaining("decision_date");
  }

  @Test
  void parse_unknownAssistanceType_isRejected() {
    assertThatThrownBy(() -> BatchRecordParser.parse(
        "STARTED;SHV-8;" + OIN + ";999993653;SCHULDHULP;2025-01-15;2025-02-01;;", BatchLayout.CSV))
        .isInstanceOf(InvalidRecordException.class).hasMessageContaining("assistance type");
  }

  @Test
  void parse_fixedWidthTooLong_isRejected() {
    String line = fixed("S", "SHV-9", OIN, "999993653", "MSNP", "20250115", "20250201", "", "") + "X";
    assertThatThrownBy(() -> BatchRecordParser.parse(line, BatchLayout.FIXED_WIDTH))
        .isInstanceOf(InvalidRecordException.class).hasMessageContaining("longer");
  }

  @Test
  void parse_fixedWidthCutOff_isRejected() {
    assertThatThrownBy(() -> BatchRecordParser.parse("S" + "SHV-10", BatchLayout.FIXED_WIDTH))
        .isInstanceOf(InvalidRecordException.class).hasMessageContaining("shorter");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"debt-help-example.csv", "debt-help-example.txt"})
  void parse_documentedExampleFiles_giveOneEventPerRecord(String name) throws Exception {
    String content;
    try (var in = getClass().getResourceAsStream("/standin/batch-examples/" + name)) {
      content = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    BatchLayout layout = BatchLayout.ofFileName(name);

    var events = content.lines().filter(l -> !BatchRecordParser.isNoRecord(l, layout))
        .map(l -> BatchRecordParser.parse(l, layout)).toList();

    assertThat(events).hasSize(2);
    assertThat(events.get(0)).isInstanceOf(DebtHelpStarted.class);
    assertThat(events.get(1)).isInstanceOf(DebtHelpEnded.class);
  }

  @Test
  void isNoRecord_headerAndBlankLines_areSkipped() {
    assertThat(BatchRecordParser.isNoRecord("\uFEFF" + BatchRecordParser.CSV_HEADER + "\r", BatchLayout.CSV)).isTrue();
    assertThat(BatchRecordParser.isNoRecord("  \r", BatchLayout.FIXED_WIDTH)).isTrue();
    assertThat(BatchRecordParser.isNoRecord("STARTED;x", BatchLayout.CSV)).isFalse();
  }
}
