package nl.noodrem.camel.batch;

import java.nio.charset.Charset;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import nl.noodrem.camel.api.Bridge;
import nl.noodrem.camel.api.ProcessGateway;
import nl.noodrem.camel.config.DebtHelpBatchProperties;
import nl.noodrem.camel.errors.BridgeErrorHandling;
import nl.noodrem.camel.errors.DeadLetters;
import nl.noodrem.domain.event.DomainEvent;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;

/**
 * Flow "debt-help batch files": files of debt-help started/ended records, from a directory and/or an
 * SFTP server, become {@code DebtHelpStarted}/{@code DebtHelpEnded} events for the processes.
 *
 * <ul>
 *   <li>{@value #DIRECTORY_ROUTE_ID}, {@value #SFTP_ROUTE_ID}: pick files up. Half-written files are
 *       never taken: only the configured extensions (a sender writing {@code x.csv.part} and renaming
 *       is safe), {@code readLock=changed} (size and time unchanged for {@code read-lock-min-age-ms}),
 *       and optionally a done-file. Taken files move to {@code .processed/yyyyMMdd/}; a file whose
 *       processing failed stays where it is and is tried again on the next poll.
 *   <li>{@value #FILE_ROUTE_ID}: a file whose content (SHA-256) was processed before acts once (JDBC
 *       idempotent repository {@value #FILE_REPOSITORY}); then it is split into lines.
 *   <li>{@value #LINE_ROUTE_ID}: each line is delivered at most once per (file content, line number)
 *       (repository {@value #RECORD_REPOSITORY}), recorded after delivery, so that a file whose
 *       processing stopped half-way delivers only the remaining lines when taken again. A broken line is
 *       quarantined with its line number; the others go on.
 * </ul>
 */
public class DebtHelpBatchRouteBuilder extends RouteBuilder {

  public static final String DIRECTORY_ROUTE_ID = "debt-help-batch-directory";
  public static final String SFTP_ROUTE_ID = "debt-help-batch-sftp";
  public static final String FILE_ROUTE_ID = "debt-help-batch-file";
  public static final String LINE_ROUTE_ID = "debt-help-batch-line";
  public static final String FILE_ENDPOINT = "direct:debt-help-batch-file";
  public static final String LINE_ENDPOINT = "direct:debt-help-batch-line";
  public static final String FILE_REPOSITORY = "debt-help-batch-file";
  public static final String RECORD_REPOSITORY = "debt-help-batch-record";

  static final String FILE_NAME = "NoodremBatchFileName";
  static final String FILE_HASH = "NoodremBatchFileHash";
  static final String LAYOUT = "NoodremBatchLayout";
  static final String LINE = "NoodremBatchLine";

  private static final String P = "noodrem.legacy.debt-help-batch.";
  private static final String PICKUP_OPTIONS = "includeExt={{" + P + "include-ext}}"
      + "&charset={{" + P + "charset}}"
      + "&delay={{" + P + "poll-delay-ms}}"
      + "&readLock=changed"
      + "&readLockMinAge={{" + P + "read-lock-min-age-ms}}"
      + "&readLockCheckInterval={{" + P + "read-lock-check-interval-ms}}"
      + "&readLockTimeout={{" + P + "read-lock-timeout-ms}}"
      + "&move=.processed/${date:now:yyyyMMdd}/${file:name}"
      + "&sortBy=file:modified";

  private final DebtHelpBatchProperties properties;
  private final ProcessGateway gateway;
  private final IdempotentRepository fileRepository;
  private final IdempotentRepository recordRepository;

  public DebtHelpBatchRouteBuilder(DebtHelpBatchProperties properties, ProcessGateway gateway,
      IdempotentRepository fileRepository, IdempotentRepository recordRepository) {
    this.properties = properties;
    this.gateway = gateway;
    this.fileRepository = fileRepository;
    this.recordRepository = recordRepository;
  }

  @Override
  public void configure() {
    String doneFile = properties.doneFileRequired() ? "&doneFileName=${file:name}.done" : "";

    if (properties.directoryEnabled()) {
      from("file:{{" + P + "directory}}?" + PICKUP_OPTIONS + doneFile)
          .routeId(DIRECTORY_ROUTE_ID)
          .routeConfigurationId(BridgeErrorHandling.SOURCE)
          .to(FILE_ENDPOINT);
    }
    if (properties.sftp().enabled()) {
      String knownHosts = properties.sftp().knownHostsFile() == null || properties.sftp().knownHostsFile().isBlank()
          ? "" : "&knownHostsFile={{" + P + "sftp.known-hosts-file}}";
      from("sftp://{{" + P + "sftp.host}}:{{" + P + "sftp.port}}/{{" + P + "sftp.directory}}?" + PICKUP_OPTIONS
              + doneFile
              + "&username={{" + P + "sftp.username}}"
              + "&password=RAW({{" + P + "sftp.password}})"
              + "&strictHostKeyChecking={{" + P + "sftp.strict-host-key-checking}}"
              + "&useUserKnownHostsFile=false"
              + knownHosts
              + "&binary=true&stepwise=false&autoCreate=false")
          .routeId(SFTP_ROUTE_ID)
          .routeConfigurationId(BridgeErrorHandling.SOURCE)
          .to(FILE_ENDPOINT);
    }

    from(FILE_ENDPOINT)
        .routeId(FILE_ROUTE_ID)
        .routeConfigurationId(BridgeErrorHandling.SOURCE)
        .process(this::fingerprint)
        // eager=false: the file counts as done only when all its lines are; a crash half-way lets it in again
        .idempotentConsumer(header(FILE_HASH), fileRepository).eager(false).skipDuplicate(false)
          .choice()
            .when(exchangeProperty(Exchange.DUPLICATE_MESSAGE).isEqualTo(true))
              .log(LoggingLevel.INFO, "Batch file ${header." + FILE_NAME + "} repeats a file processed before; ignored")
            .otherwise()
              .log(LoggingLevel.INFO, "Batch file ${header." + FILE_NAME + "} (${header." + LAYOUT + "}) taken")
              .split(body().tokenize("\n")).streaming()
                .process(e -> e.getIn().setHeader(LINE, e.getProperty(Exchange.SPLIT_INDEX, Integer.class) + 1))
                .to(LINE_ENDPOINT)
              .end()
              .log(LoggingLevel.INFO, "Batch file ${header." + FILE_NAME + "} done")
          .end()
        .end();

    from(LINE_ENDPOINT)
        .routeId(LINE_ROUTE_ID)
        .routeConfigurationId(BridgeErrorHandling.DELIVERY)
        .filter(exchange -> !BatchRecordParser.isNoRecord(
            exchange.getIn().getBody(String.class), exchange.getIn().getHeader(LAYOUT, BatchLayout.class)))
          .process(this::rememberForDeadLetter)
          .choice()
            .when(DeadLetters::isReplay)
              .process(this::parseAndDeliver)
            .otherwise()
              .idempotentConsumer(simple("${header." + FILE_HASH + "}:${header." + LINE + "}"), recordRepository)
                .eager(false)
                .process(this::parseAndDeliver)
              .end()
          .end()
        .end();
  }

  private void fingerprint(Exchange exchange) throws Exception {
    String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
    byte[] content = exchange.getIn().getBody(byte[].class);
    exchange.getIn().setHeader(FILE_NAME, name);
    exchange.getIn().setHeader(FILE_HASH,
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
    exchange.getIn().setHeader(LAYOUT, BatchLayout.ofFileName(name));
    exchange.getIn().setBody(new String(content, Charset.forName(properties.charset())));
  }

  private void rememberForDeadLetter(Exchange exchange) {
    var in = exchange.getIn();
    int line = in.getHeader(LINE, Integer.class);
    String file = in.getHeader(FILE_NAME, String.class);
    DeadLetters.remember(exchange, Bridge.DEBT_HELP_BATCH, LINE_ENDPOINT, file + " line " + line, line, Map.of(
        FILE_NAME, file,
        FILE_HASH, in.getHeader(FILE_HASH, String.class),
        LAYOUT, in.getHeader(LAYOUT, BatchLayout.class).name(),
        LINE, String.valueOf(line)));
  }

  private void parseAndDeliver(Exchange exchange) throws Exception {
    DomainEvent event = BatchRecordParser.parse(
        exchange.getIn().getBody(String.class), exchange.getIn().getHeader(LAYOUT, BatchLayout.class));
    ProcessGateway.Delivery outcome = gateway.deliver(event);
    log.debug("Batch record {} line {}: {}", exchange.getIn().getHeader(FILE_NAME),
        exchange.getIn().getHeader(LINE), outcome);
  }
}
