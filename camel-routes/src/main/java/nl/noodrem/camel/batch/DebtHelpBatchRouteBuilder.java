package nl.noodrem.camel.batch;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.noodrem.camel.api.Bridge;
import nl.noodrem.camel.api.ProcessGateway;
import nl.noodrem.camel.config.DebtHelpBatchProperties;
import nl.noodrem.camel.errors.BridgeErrorHandling;
import nl.noodrem.camel.errors.DeadLetters;
import nl.noodrem.camel.errors.InvalidRecordException;
import nl.noodrem.camel.errors.JdbcDeadLetterStore;
import nl.noodrem.camel.health.BridgeMetrics;
import nl.noodrem.camel.health.PollTracker;
import nl.noodrem.domain.event.DomainEvent;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.spi.IdempotentRepository;

/**
 * Flow "debt-help batch files": files of debt-help started/ended records, from a directory and/or an
 * SFTP server, become {@code DebtHelpStarted}/{@code DebtHelpEnded} events for the processes.
 *
 * <ul>
 *   <li>{@value #DIRECTORY_ROUTE_ID}, {@value #SFTP_ROUTE_ID}: pick files up. Half-written files are
 *       never taken: temporary names ({@code ignore-ext}: a sender writing {@code x.csv.part} and
 *       renaming is safe), {@code readLock=changed} (size and time unchanged for {@code read-lock-min-age-ms}),
 *       and optionally a done-file. Taken files move to {@code .processed/yyyyMMdd/}, refused ones to
 *       {@code .quarantine/yyyyMMdd/}; a file whose processing failed (even its dead letter could not be
 *       stored) stays where it is and is tried again on the next poll. SFTP files are downloaded to a
 *       local work directory first, never into memory.
 *   <li>{@value #FILE_ROUTE_ID}: refuses a whole file that is too large (unread), empty, not text in the
 *       source's encoding, or of an unknown extension: it is quarantined with a dead letter naming the
 *       reason. Otherwise a file whose content (SHA-256) was processed before acts once (JDBC idempotent
 *       repository {@value #FILE_REPOSITORY}); then it is read line by line, one bounded line in memory
 *       at a time.
 *   <li>{@value #LINE_ROUTE_ID}: each line is delivered at most once per (file content, line number)
 *       (repository {@value #RECORD_REPOSITORY}), recorded after delivery, so that a file whose
 *       processing stopped half-way delivers only the remaining lines when taken again. A broken line
 *       (too long, not valid in the encoding, malformed, breaking a domain rule) is quarantined with its
 *       line number; the others go on.
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
  /** Sub-folders of the inbox (local and on the SFTP server) that taken and refused files move to. */
  public static final String PROCESSED_FOLDER = ".processed";
  public static final String QUARANTINE_FOLDER = ".quarantine";

  static final String FILE_NAME = "NoodremBatchFileName";
  static final String FILE_HASH = "NoodremBatchFileHash";
  static final String LAYOUT = "NoodremBatchLayout";
  static final String LINE = "NoodremBatchLine";
  /** Set by the pick-up route: the source's encoding. */
  static final String ENCODING = "NoodremBatchEncoding";
  /** Where the file moves once the exchange completed: {@link #PROCESSED_FOLDER} or {@link #QUARANTINE_FOLDER}. */
  static final String MOVE_TO = "NoodremBatchMoveTo";
  static final String REFUSAL = "NoodremBatchRefusal";
  /** Set on a line that cannot be a record whatever its content (too long, undecodable). */
  static final String LINE_PROBLEM = "NoodremBatchLineProblem";

  private static final String P = "noodrem.legacy.debt-help-batch.";

  private final DebtHelpBatchProperties properties;
  private final ProcessGateway gateway;
  private final IdempotentRepository fileRepository;
  private final IdempotentRepository recordRepository;
  private final JdbcDeadLetterStore deadLetters;
  private final BridgeMetrics metrics;
  private final PollTracker polls;
  private final BatchEncoding directoryEncoding;
  private final BatchEncoding sftpEncoding;
  private final Set<String> includeExt;

  /** @throws IllegalArgumentException for an encoding that is not allowed (fails the start-up) */
  public DebtHelpBatchRouteBuilder(DebtHelpBatchProperties properties, ProcessGateway gateway,
      IdempotentRepository fileRepository, IdempotentRepository recordRepository, JdbcDeadLetterStore deadLetters,
      BridgeMetrics metrics, PollTracker polls) {
    this.properties = properties;
    this.gateway = gateway;
    this.fileRepository = fileRepository;
    this.recordRepository = recordRepository;
    this.deadLetters = deadLetters;
    this.metrics = metrics;
    this.polls = polls;
    this.directoryEncoding = BatchEncoding.of(properties.charset());
    String sftpCharset = properties.sftp() == null ? null : properties.sftp().charset();
    this.sftpEncoding = sftpCharset == null || sftpCharset.isBlank() ? directoryEncoding : BatchEncoding.of(sftpCharset);
    this.includeExt = extensions(properties.includeExt());
    if (properties.maxRecordBytes() < BatchRecordParser.FIXED_WIDTH_LENGTH + 2) {
      throw new IllegalArgumentException("max-record-bytes must be at least " + (BatchRecordParser.FIXED_WIDTH_LENGTH + 2));
    }
  }

  @Override
  public void configure() {
    String doneFile = properties.doneFileRequired() ? "&doneFileName=${file:name}.done" : "";
    String ignored = extensions(properties.ignoreExt()).stream().sorted().collect(Collectors.joining("|"));
    String pickup = (ignored.isEmpty() ? "" : "exclude=RAW((?i).*\\.(" + ignored + "))&")
        + "delay={{" + P + "poll-delay-ms}}"
        + "&readLock=changed"
        // an empty file is taken (and quarantined) too, instead of waiting for ever for a first byte
        + "&readLockMinLength=0"
        + "&readLockMinAge={{" + P + "read-lock-min-age-ms}}"
        + "&readLockCheckInterval={{" + P + "read-lock-check-interval-ms}}"
        + "&readLockTimeout={{" + P + "read-lock-timeout-ms}}"
        + "&move=${header." + MOVE_TO + "}/${date:now:yyyyMMdd}/${file:name}"
        + "&sortBy=file:modified"
        + "&pollStrategy=#" + PollTracker.BEAN_NAME
        + doneFile;

    if (properties.directoryEnabled()) {
      from("file:{{" + P + "directory}}?" + pickup)
          .routeId(DIRECTORY_ROUTE_ID)
          .routeConfigurationId(BridgeErrorHandling.SOURCE)
          .setHeader(ENCODING, constant(directoryEncoding.charset().name()))
          .to(FILE_ENDPOINT);
    }
    if (properties.sftp().enabled()) {
      var sftp = properties.sftp();
      String knownHosts = blank(sftp.knownHostsFile()) ? "" : "&knownHostsFile={{" + P + "sftp.known-hosts-file}}";
      String auth = blank(sftp.privateKeyFile())
          ? "&password=RAW({{" + P + "sftp.password}})"
          : "&privateKeyFile={{" + P + "sftp.private-key-file}}"
              + (blank(sftp.privateKeyPassphrase()) ? "" : "&privateKeyPassphrase=RAW({{" + P + "sftp.private-key-passphrase}})");
      from("sftp://{{" + P + "sftp.host}}:{{" + P + "sftp.port}}/{{" + P + "sftp.directory}}?" + pickup
              + "&username={{" + P + "sftp.username}}"
              + auth
              + "&strictHostKeyChecking={{" + P + "sftp.strict-host-key-checking}}"
              + "&useUserKnownHostsFile=false"
              + knownHosts
              + "&localWorkDirectory={{" + P + "sftp.local-work-directory}}"
              + "&binary=true&stepwise=false&autoCreate=false")
          .routeId(SFTP_ROUTE_ID)
          .routeConfigurationId(BridgeErrorHandling.SOURCE)
          .setHeader(ENCODING, constant(sftpEncoding.charset().name()))
          .to(FILE_ENDPOINT);
    }

    from(FILE_ENDPOINT)
        .routeId(FILE_ROUTE_ID)
        .routeConfigurationId(BridgeErrorHandling.SOURCE)
        .process(this::inspect)
        .choice()
          .when(header(REFUSAL).isNotNull())
            .process(this::quarantine)
          .otherwise()
            // eager=false: the file counts as done only when all its lines are; a crash half-way lets it in again
            .idempotentConsumer(header(FILE_HASH), fileRepository).eager(false).skipDuplicate(false)
              .choice()
                .when(exchangeProperty(Exchange.DUPLICATE_MESSAGE).isEqualTo(true))
                  .log(LoggingLevel.INFO, "Batch file ${header." + FILE_NAME + "} repeats a file processed before; ignored")
                .otherwise()
                  .log(LoggingLevel.INFO, "Batch file ${header." + FILE_NAME + "} (${header." + LAYOUT + "}, "
                      + "${header." + ENCODING + "}) taken")
                  .split(method(this, "lines")).streaming()
                    .process(this::decodeLine)
                    // a long file is progress of this poll, not a stalled poller
                    .process(e -> polls.alive(e.getFromRouteId()))
                    .to(LINE_ENDPOINT)
                  .end()
                  .log(LoggingLevel.INFO, "Batch file ${header." + FILE_NAME + "} done")
              .end()
            .end()
        .end();

    from(LINE_ENDPOINT)
        .routeId(LINE_ROUTE_ID)
        .routeConfigurationId(BridgeErrorHandling.DELIVERY)
        .filter(exchange -> exchange.getIn().getHeader(LINE_PROBLEM) != null || !BatchRecordParser.isNoRecord(
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

  /** Decides, without reading more than it must, whether the file is taken or quarantined as a whole. */
  private void inspect(Exchange exchange) throws IOException {
    var in = exchange.getIn();
    String name = in.getHeader(Exchange.FILE_NAME_ONLY, String.class);
    in.setHeader(FILE_NAME, name);
    in.setHeader(MOVE_TO, PROCESSED_FOLDER);
    BatchEncoding encoding = encoding(exchange);
    String extension = extension(name);
    if (!includeExt.contains(extension)) {
      refuse(exchange, "unknown extension " + (extension.isEmpty() ? "(none)" : "." + extension) + "; taken are ."
          + String.join(", .", includeExt.stream().sorted().toList()), "extension");
      return;
    }
    long length = length(exchange);
    if (length > properties.maxFileBytes()) {
      refuse(exchange, "file of " + length + " bytes exceeds the maximum of " + properties.maxFileBytes()
          + " bytes; not read", "too-large");
      return;
    }
    BatchFileCheck.Result check;
    try (InputStream content = open(exchange)) {
      check = BatchFileCheck.check(content, encoding.charset());
    }
    in.setHeader(FILE_HASH, check.sha256());
    in.setHeader(LAYOUT, BatchLayout.ofFileName(name));
    check.refusal().ifPresent(reason -> refuse(exchange, reason, reason.startsWith("empty") ? "empty" : "not-text"));
  }

  private static void refuse(Exchange exchange, String reason, String cause) {
    exchange.getIn().setHeader(REFUSAL, reason);
    exchange.getIn().setHeader("NoodremBatchRefusalCause", cause);
  }

  private void quarantine(Exchange exchange) {
    var in = exchange.getIn();
    String name = in.getHeader(FILE_NAME, String.class);
    String reason = in.getHeader(REFUSAL, String.class);
    // stored first: when storing fails the route fails and the file stays in the inbox for the next poll
    deadLetters.quarantineFile(Bridge.DEBT_HELP_BATCH, exchange.getFromRouteId(),
        name + " (whole file, moved to " + QUARANTINE_FOLDER + ")", reason);
    metrics.quarantined(Bridge.DEBT_HELP_BATCH, in.getHeader("NoodremBatchRefusalCause", String.class));
    in.setHeader(MOVE_TO, QUARANTINE_FOLDER);
  }

  /** The file's lines, read lazily; the splitter closes the reader when done. Called by the split. */
  public Iterator<BatchLineReader.Line> lines(Exchange exchange) throws IOException {
    return new BatchLineReader(open(exchange), properties.maxRecordBytes());
  }

  private void decodeLine(Exchange exchange) {
    var in = exchange.getIn();
    BatchLineReader.Line line = in.getBody(BatchLineReader.Line.class);
    BatchEncoding encoding = encoding(exchange);
    in.setHeader(LINE, line.number());
    if (line.tooLong()) {
      in.setHeader(LINE_PROBLEM, "line longer than " + properties.maxRecordBytes() + " bytes; only its start is kept");
      in.setBody(encoding.decodeLenient(line.bytes()));
      return;
    }
    String text = encoding.decodeStrict(line.bytes());
    if (text == null) {
      in.setHeader(LINE_PROBLEM, encoding.firstError(line.bytes()));
      text = encoding.decodeLenient(line.bytes());
    }
    in.setBody(text);
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
    String problem = exchange.getIn().getHeader(LINE_PROBLEM, String.class);
    if (problem != null && !DeadLetters.isReplay(exchange)) {
      throw new InvalidRecordException(problem);
    }
    DomainEvent event = BatchRecordParser.parse(
        exchange.getIn().getBody(String.class), exchange.getIn().getHeader(LAYOUT, BatchLayout.class));
    ProcessGateway.Delivery outcome = gateway.deliver(event);
    log.debug("Batch record {} line {}: {}", exchange.getIn().getHeader(FILE_NAME),
        exchange.getIn().getHeader(LINE), outcome);
  }

  private BatchEncoding encoding(Exchange exchange) {
    String name = exchange.getIn().getHeader(ENCODING, String.class);
    return name == null || name.equals(directoryEncoding.charset().name()) ? directoryEncoding
        : name.equals(sftpEncoding.charset().name()) ? sftpEncoding : BatchEncoding.of(name);
  }

  /** The file's length, from the consumer's listing: known before a byte of it is read. */
  private static long length(Exchange exchange) {
    Object body = exchange.getIn().getBody();
    if (body instanceof GenericFile<?> file && file.getFileLength() >= 0) {
      return file.getFileLength();
    }
    Long header = exchange.getIn().getHeader(Exchange.FILE_LENGTH, Long.class);
    if (header != null) {
      return header;
    }
    byte[] bytes = exchange.getIn().getBody(byte[].class);
    return bytes == null ? 0 : bytes.length;
  }

  /** A fresh stream of the file's content each time (the file is read twice: fingerprint, then lines). */
  private static InputStream open(Exchange exchange) throws IOException {
    Object body = exchange.getIn().getBody();
    if (body instanceof GenericFile<?> file) {
      // local file, or an SFTP file already downloaded to the local work directory
      if (file.getBody() instanceof File local) {
        return Files.newInputStream(local.toPath());
      }
      if (file.getFile() instanceof File local) {
        return Files.newInputStream(local.toPath());
      }
    }
    if (body instanceof File local) {
      return Files.newInputStream(local.toPath());
    }
    byte[] bytes = exchange.getIn().getBody(byte[].class);
    return new ByteArrayInputStream(bytes == null ? new byte[0] : bytes);
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static Set<String> extensions(String list) {
    if (list == null) {
      return Set.of();
    }
    return Arrays.stream(list.split(","))
        .map(s -> s.strip().toLowerCase(Locale.ROOT))
        .map(s -> s.startsWith(".") ? s.substring(1) : s)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
