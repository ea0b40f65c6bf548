package nl.noodrem.digid.saml;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import nl.noodrem.digid.DigidLoginException;
import nl.noodrem.digid.RejectionReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the current IdP metadata, loads it from a file or URL and refreshes it on a schedule. A failed
 * refresh keeps the last good metadata (until its validUntil), so a short outage of the metadata URL does
 * not stop logins; a failed first load is retried on the same schedule, logins failing meanwhile with
 * {@link RejectionReason#IDP_METADATA_UNAVAILABLE}.
 */
public final class IdpMetadataProvider implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(IdpMetadataProvider.class);
  private static final int MAX_METADATA_BYTES = 1024 * 1024;

  /** Where metadata bytes come from. */
  @FunctionalInterface
  public interface Source {
    byte[] fetch() throws IOException;

    /** A short description for the log. */
    default String describe() {
      return toString();
    }
  }

  private final Source source;
  private final IdpMetadataParser parser;
  private final Clock clock;
  private final AtomicReference<IdpMetadata> current = new AtomicReference<>();
  private ScheduledExecutorService scheduler;

  public IdpMetadataProvider(Source source, IdpMetadataParser parser, Clock clock) {
    this.source = Objects.requireNonNull(source);
    this.parser = Objects.requireNonNull(parser);
    this.clock = Objects.requireNonNull(clock);
  }

  /** Loads now. @return true when metadata was loaded (and replaced the previous one) */
  public boolean refresh() {
    try {
      IdpMetadata loaded = parser.parse(source.fetch(), clock.instant());
      IdpMetadata previous = current.getAndSet(loaded);
      if (previous == null || !previous.signingCertificates().equals(loaded.signingCertificates())) {
        LOG.info(
            "DigiD IdP metadata loaded from {}: entityID={} signing certificates={} artifact resolution endpoints={}",
            source.describe(), loaded.entityId(), loaded.signingCertificates().size(), loaded.artifactResolutionServices().keySet());
      } else {
        LOG.debug("DigiD IdP metadata refreshed from {}", source.describe());
      }
      return true;
    } catch (IOException | RuntimeException e) {
      LOG.error("DigiD IdP metadata could not be loaded from {}; keeping the previous metadata: {}", source.describe(), e.toString());
      return false;
    }
  }

  /** Loads once and then refreshes every {@code interval} on a daemon thread. */
  public synchronized void start(Duration interval) {
    if (scheduler != null) {
      return;
    }
    refresh();
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "digid-idp-metadata-refresh");
              t.setDaemon(true);
              return t;
            });
    long millis = interval.toMillis();
    scheduler.scheduleWithFixedDelay(this::refresh, millis, millis, TimeUnit.MILLISECONDS);
  }

  /**
   * The metadata to use now.
   *
   * @throws DigidLoginException {@link RejectionReason#IDP_METADATA_UNAVAILABLE} when none is loaded or
   *     the loaded one has expired
   */
  public IdpMetadata current() throws DigidLoginException {
    IdpMetadata metadata = current.get();
    if (metadata == null) {
      throw new DigidLoginException(RejectionReason.IDP_METADATA_UNAVAILABLE, "no IdP metadata loaded from " + source.describe());
    }
    if (!metadata.isValidAt(clock.instant())) {
      throw new DigidLoginException(RejectionReason.IDP_METADATA_UNAVAILABLE, "IdP metadata expired at " + metadata.validUntil());
    }
    return metadata;
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }

  /** Metadata from a file (e.g. the one Logius publishes, saved and checked by the operator). */
  public static Source fileSource(Path path) {
    return new Source() {
      @Override
      public byte[] fetch() throws IOException {
        if (Files.size(path) > MAX_METADATA_BYTES) {
          throw new IOException("metadata file larger than " + MAX_METADATA_BYTES + " bytes");
        }
        return Files.readAllBytes(path);
      }

      @Override
      public String describe() {
        return path.toString();
      }
    };
  }

  /** Metadata from a URL over HTTPS (or HTTP for local development), bounded in size and time. */
  public static Source urlSource(URI uri, HttpClient client, Duration timeout) {
    return new Source() {
      @Override
      public byte[] fetch() throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        try {
          HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
          try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
              throw new IOException("HTTP " + response.statusCode());
            }
            byte[] bytes = body.readNBytes(MAX_METADATA_BYTES + 1);
            if (bytes.length > MAX_METADATA_BYTES) {
              throw new IOException("metadata larger than " + MAX_METADATA_BYTES + " bytes");
            }
            return bytes;
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        }
      }

      @Override
      public String describe() {
        return uri.toString();
      }
    };
  }
}
