package nl.noodrem.ledger.events;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Keeps a checkpoint in a small properties file. Writes go to a temporary file that is forced to disk
 * and then atomically renamed over the old one, so a crash leaves either the old or the new checkpoint,
 * never a torn one. One file per subscription; not for sharing between processes.
 */
public final class FileCheckpointStore implements CheckpointStore {

  private final Path file;

  public FileCheckpointStore(Path file) {
    this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
  }

  public Path file() {
    return file;
  }

  @Override
  public synchronized Optional<Checkpoint> load() {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
      String anchor = p.getProperty("anchorHash", "");
      return Optional.of(new Checkpoint(
          Long.parseLong(required(p, "chainId")),
          required(p, "contract"),
          Long.parseLong(required(p, "nextBlock")),
          Long.parseLong(required(p, "nextLogIndex")),
          anchor.isEmpty() ? Optional.empty() : Optional.of(anchor)));
    } catch (IOException | RuntimeException e) {
      throw new CheckpointStoreException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void save(Checkpoint checkpoint) {
    Properties p = new Properties();
    p.setProperty("chainId", Long.toString(checkpoint.chainId()));
    p.setProperty("contract", checkpoint.contract());
    p.setProperty("nextBlock", Long.toString(checkpoint.nextBlock()));
    p.setProperty("nextLogIndex", Long.toString(checkpoint.nextLogIndex()));
    p.setProperty("anchorHash", checkpoint.anchorHash().orElse(""));
    try {
      StringWriter text = new StringWriter();
      p.store(text, "noodrem status-event subscription checkpoint: resume at (nextBlock, nextLogIndex)");
      Path dir = file.getParent();
      Files.createDirectories(dir);
      Path tmp = dir.resolve(file.getFileName() + ".tmp");
      try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          out.write(bytes);
        }
        out.force(true);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new CheckpointStoreException("cannot write checkpoint " + file + ": " + e.getMessage(), e);
    }
  }

  private static String required(Properties p, String key) {
    String value = p.getProperty(key);
    if (value == null) {
      throw new IllegalStateException("missing " + key);
    }
    return value;
  }

  @Override
  public String toString() {
    return "FileCheckpointStore[" + file + "]";
  }
}
