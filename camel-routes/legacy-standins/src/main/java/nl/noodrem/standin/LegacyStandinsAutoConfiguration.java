package nl.noodrem.standin;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Starts the legacy stand-ins (development and test only) when {@code noodrem.standins.enabled=true}:
 * the municipal SOAP register, the batch drop with its SFTP server, the municipal legacy database and
 * CJIB's collection system. Production never sets the property; then none of this exists.
 *
 * <p>Runs before Noodrem's own Camel bridges are configured, so that the stand-ins' databases exist
 * when the bridges first poll them.
 */
@AutoConfiguration(beforeName = "nl.noodrem.camel.config.CamelBridgesAutoConfiguration")
@ConditionalOnProperty(prefix = "noodrem.standins", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(StandinProperties.class)
public class LegacyStandinsAutoConfiguration {

  @Bean
  MunicipalDebtHelpSoapStandin municipalDebtHelpSoapStandin(StandinProperties properties) {
    StandinDatabase db = StandinDatabase.open(properties.municipality().jdbcUrl(),
        "standin/db/municipality-schema.sql", "standin/db/municipality-seed.sql");
    return new MunicipalDebtHelpSoapStandin(properties.municipality(), db);
  }

  @Bean
  BatchDropStandin batchDropStandin(StandinProperties properties) {
    return new BatchDropStandin(properties.batchDrop().directory(), properties.batchDrop().sftpRoot());
  }

  @Bean
  @ConditionalOnProperty(prefix = "noodrem.standins.batch-drop", name = "sftp-enabled", havingValue = "true",
      matchIfMissing = true)
  SftpServerStandin sftpServerStandin(StandinProperties properties) {
    return new SftpServerStandin(properties.batchDrop());
  }

  @Bean
  LegacyDebtHelpDbStandin legacyDebtHelpDbStandin(StandinProperties properties) {
    return new LegacyDebtHelpDbStandin(StandinDatabase.open(properties.legacyDb().jdbcUrl(),
        "standin/db/legacy-shv-schema.sql", "standin/db/legacy-shv-seed.sql"));
  }

  @Bean
  CollectionSystemStandin collectionSystemStandin(StandinProperties properties) {
    return new CollectionSystemStandin(properties.collection(), StandinDatabase.open(
        properties.collection().jdbcUrl(), "standin/db/cjib-schema.sql", "standin/db/cjib-seed.sql"));
  }
}
