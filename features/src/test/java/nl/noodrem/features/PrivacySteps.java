package nl.noodrem.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import nl.noodrem.features.support.Citizen;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/** Scans what the run left behind for the BSNs it used. */
public class PrivacySteps {

  @Autowired JdbcTemplate jdbc;

  @Value("${logging.file.name}")
  String logFile;

  @Given("the scenarios before this one have run with their citizens")
  public void scenariosHaveRun() {
    assertThat(Citizen.ALL_BSNS).as("citizens of earlier scenarios").hasSizeGreaterThan(5);
  }

  @Then("no table of the process engine or of Noodrem holds any of their BSNs, as text or in hex")
  public void noTableHoldsABsn() {
    List<String> tables = jdbc.queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
        + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'"
        + " AND (TABLE_NAME LIKE 'ACT\\_%' ESCAPE '\\' OR TABLE_NAME LIKE 'NOODREM\\_%' ESCAPE '\\'"
        + " OR TABLE_NAME LIKE 'DIGID\\_%' ESCAPE '\\')", String.class);
    // the dead letters too: their payloads (legacy records with a BSN) are sealed at rest
    assertThat(tables).as("scanned tables").contains("ACT_HI_VARINST", "ACT_RU_VARIABLE", "ACT_GE_BYTEARRAY",
        "ACT_HI_PROCINST", "ACT_HI_TASKINST", "ACT_HI_DETAIL", "NOODREM_DEAD_LETTER");
    List<String> findings = new ArrayList<>();
    for (String table : tables) {
      for (Map<String, Object> row : jdbc.queryForList("SELECT * FROM \"" + table + "\"")) {
        for (Map.Entry<String, Object> column : row.entrySet()) {
          String text = render(column.getValue());
          for (String bsn : Citizen.ALL_BSNS) {
            String hex = HexFormat.of().formatHex(bsn.getBytes(StandardCharsets.US_ASCII));
            if (text.contains(bsn) || text.toLowerCase().contains(hex)) {
              findings.add(table + "." + column.getKey());
            }
          }
        }
      }
    }
    assertThat(findings).as("columns holding a BSN").isEmpty();
  }

  @Then("the application log holds none of their BSNs")
  public void theLogHoldsNoBsn() throws Exception {
    String log = Files.readString(java.nio.file.Path.of(logFile), StandardCharsets.UTF_8);
    assertThat(log).as("the log was written").contains("Noodrem is running");
    for (String bsn : Citizen.ALL_BSNS) {
      assertThat(log).as("log lines").doesNotContain(bsn);
    }
  }

  private static String render(Object value) {
    if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.ISO_8859_1) + HexFormat.of().formatHex(bytes);
    }
    return String.valueOf(value);
  }
}
