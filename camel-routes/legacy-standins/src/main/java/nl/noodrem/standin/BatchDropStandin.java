package nl.noodrem.standin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Stand-in for a municipality that delivers batch files of debt-help records: into a local directory
 * and/or the outbox its SFTP server serves. Development and test only.
 *
 * <p>{@link #drop} writes the way a well-behaved sender does (a hidden temporary name, then an atomic
 * rename), {@link #dropHalfWritten} the way a careless one does (in place, unfinished), so both can be
 * tried against the route's pickup rules.
 */
public class BatchDropStandin {

  private final Path directory;
  private final Path sftpRoot;

  public BatchDropStandin(Path directory, Path sftpRoot) {
    this.directory = directory;
    this.sftpRoot = sftpRoot;
  }

  /** Puts a complete file into the local drop directory; returns its path. */
  public Path drop(String fileName, String content) {
    return writeAtomically(directory, fileName, content);
  }

  /** Puts a complete file into the SFTP server's outbox; returns its path. */
  public Path dropOnSftp(String fileName, String content) {
    return writeAtomically(sftpRoot, fileName, content);
  }

  /** Writes the start of a file in place, as a sender still busy writing would leave it. */
  public Path dropHalfWritten(Path target, String firstPart) {
    try {
      Files.createDirectories(target.getParent());
      return Files.writeString(target, firstPart, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code fileName.done} next to a data file, for routes that wait for a done-file. */
  public Path markDone(Path dataFile) {
    return writeAtomically(dataFile.getParent(), dataFile.getFileName() + ".done", "");
  }

  public Path directory() {
    return directory;
  }

  public Path sftpRoot() {
    return sftpRoot;
  }

  private static Path writeAtomically(Path dir, String fileName, String content) {
    try {
      Files.createDirectories(dir);
      Path temp = dir.resolve("." + fileName + ".part");
      Files.writeString(temp, content, StandardCharsets.UTF_8);
      return Files.move(temp, dir.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
