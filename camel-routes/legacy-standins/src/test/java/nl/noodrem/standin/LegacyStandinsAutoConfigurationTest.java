package nl.noodrem.standin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class LegacyStandinsAutoConfigurationTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(LegacyStandinsAutoConfiguration.class))
      .withPropertyValues("noodrem.standins.batch-drop.sftp-enabled=false",
          "noodrem.standins.municipality.jdbc-url=jdbc:h2:mem:standin-test-municipality;DB_CLOSE_DELAY=-1",
          "noodrem.standins.legacy-db.jdbc-url=jdbc:h2:mem:standin-test-shv;DB_CLOSE_DELAY=-1",
          "noodrem.standins.collection.jdbc-url=jdbc:h2:mem:standin-test-cjib;DB_CLOSE_DELAY=-1");

  @Test
  void standins_notEnabled_createNothing() {
    runner.run(context -> assertThat(context).doesNotHaveBean(CollectionSystemStandin.class)
        .doesNotHaveBean(MunicipalDebtHelpSoapStandin.class)
        .doesNotHaveBean(javax.sql.DataSource.class));
  }

  @Test
  void standins_enabled_seedTheirOwnDatabases_withoutADataSourceBean() {
    runner.withPropertyValues("noodrem.standins.enabled=true").run(context -> {
      assertThat(context).hasSingleBean(CollectionSystemStandin.class)
          .hasSingleBean(MunicipalDebtHelpSoapStandin.class)
          .hasSingleBean(LegacyDebtHelpDbStandin.class)
          .hasSingleBean(BatchDropStandin.class)
          .doesNotHaveBean(SftpServerStandin.class)
          .doesNotHaveBean(javax.sql.DataSource.class);
      var municipality = context.getBean(MunicipalDebtHelpSoapStandin.class).database().jdbc();
      assertThat(municipality.queryForObject("SELECT STATUS FROM SHV_BESCHIKKING WHERE BSN = '111222333'", String.class))
          .isEqualTo("BEZWAAR");
      var cjib = context.getBean(CollectionSystemStandin.class).database().jdbc();
      assertThat(cjib.queryForObject("SELECT COUNT(*) FROM V_NOODREM_OPEN_ZAAK WHERE BSN = '999993653'", Integer.class))
          .isEqualTo(3);
      assertThat(cjib.queryForObject("SELECT COUNT(*) FROM V_NOODREM_OPEN_ZAAK WHERE BSN = '999991772'", Integer.class))
          .as("paid cases are not open").isEqualTo(1);
    });
  }

  @Test
  void legacyDb_recordStarted_isAnUnprocessedRow() {
    runner.withPropertyValues("noodrem.standins.enabled=true").run(context -> {
      LegacyDebtHelpDbStandin legacy = context.getBean(LegacyDebtHelpDbStandin.class);
      long id = legacy.recordStarted("00000001999990001000", "999993653", "MSNP",
          java.time.LocalDate.of(2025, 1, 15), java.time.LocalDate.of(2025, 2, 1));
      assertThat(id).isGreaterThanOrEqualTo(1000);
      assertThat(legacy.isProcessed(id)).isFalse();
    });
  }
}
