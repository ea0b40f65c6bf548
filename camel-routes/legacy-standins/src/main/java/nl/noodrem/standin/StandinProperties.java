package nl.noodrem.standin;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the legacy stand-ins (development and test only). Nothing here is read unless
 * {@code noodrem.standins.enabled=true}.
 *
 * @param enabled switches every stand-in on; the app's dev profile sets it, production never does
 */
@ConfigurationProperties("noodrem.standins")
public record StandinProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue Municipality municipality,
    @DefaultValue BatchDrop batchDrop,
    @DefaultValue LegacyDb legacyDb,
    @DefaultValue Collection collection) {

  /**
   * The municipality's debt-help register answering the SOAP query.
   *
   * @param soapPath published under the host's CXF servlet ({@code cxf.path}, default {@code /services})
   * @param jdbcUrl the register's own database
   */
  public record Municipality(
      @DefaultValue("/standin/schuldhulpregistratie/v1") String soapPath,
      @DefaultValue("jdbc:h2:mem:noodrem-standin-municipality;DB_CLOSE_DELAY=-1") String jdbcUrl) {}

  /**
   * Where the municipality drops its batch files.
   *
   * @param directory the local drop: {@link BatchDropStandin#drop} writes here (point the batch
   *     route's {@code directory} at it)
   * @param sftpEnabled whether to run the SFTP server
   * @param sftpHost loopback only: the stand-in is never reachable from outside the machine
   * @param sftpPort fixed so that the route's configuration can name it
   * @param sftpRoot what the SFTP server serves; the municipality's "outbox"
   * @param sftpUsername development credentials, not a secret
   * @param sftpPassword development credentials, not a secret
   * @param sftpHostKey where the generated host key is kept between runs
   * @param sftpAuthorizedKeys an OpenSSH {@code authorized_keys} file: when set, these keys may log in as
   *     {@code sftpUsername} too (key authentication, as production SFTP servers ask)
   */
  public record BatchDrop(
      @DefaultValue("var/standins/batch-drop") Path directory,
      @DefaultValue("true") boolean sftpEnabled,
      @DefaultValue("127.0.0.1") String sftpHost,
      @DefaultValue("2222") int sftpPort,
      @DefaultValue("var/standins/sftp-root") Path sftpRoot,
      @DefaultValue("gemeente") String sftpUsername,
      @DefaultValue("standin-only") String sftpPassword,
      @DefaultValue("var/standins/sftp-hostkey.ser") Path sftpHostKey,
      Path sftpAuthorizedKeys) {}

  /** The municipality's legacy table of debt-help status mutations that Noodrem polls. */
  public record LegacyDb(
      @DefaultValue("jdbc:h2:mem:noodrem-standin-legacy-shv;DB_CLOSE_DELAY=-1") String jdbcUrl) {}

  /**
   * CJIB's collection system.
   *
   * @param jdbcUrl its case database (Noodrem reads the view {@code V_NOODREM_OPEN_ZAAK})
   * @param commandsQueue where it takes hold and lift commands from
   * @param acksQueue where it puts its acknowledgements
   * @param caseEventsQueue where it announces newly opened cases
   * @param concurrentConsumers how many commands it carries out at once (a real collection system has its own
   *     capacity; with one, the stand-in and not Noodrem limited the load test to about 4 commands per second)
   */
  public record Collection(
      @DefaultValue("jdbc:h2:mem:noodrem-standin-cjib;DB_CLOSE_DELAY=-1") String jdbcUrl,
      @DefaultValue("cjib.incasso.opschorting.opdracht") String commandsQueue,
      @DefaultValue("cjib.incasso.opschorting.bevestiging") String acksQueue,
      @DefaultValue("cjib.incasso.zaak.geopend") String caseEventsQueue,
      @DefaultValue("4") int concurrentConsumers) {}
}
