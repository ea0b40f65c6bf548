package nl.noodrem.camel.batch;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Reads a batch file line by line as bytes, holding at most one line of at most {@code maxLineBytes}
 * in memory, whatever the file's size. Lines end in LF (a CR before it stays with the line; the parser
 * drops it). A line longer than the limit is returned cut at the limit and marked {@link Line#tooLong()};
 * the rest of it is skipped unread into memory.
 *
 * <p>Decoding is left to the caller on purpose: a line that is not valid in the file's encoding must
 * become a dead letter of its own while the other lines go on.
 *
 * <p><b>Failure:</b> an {@link UncheckedIOException} when the file cannot be read; the file's route fails
 * and the file stays where it is.
 */
final class BatchLineReader implements Iterator<BatchLineReader.Line>, Closeable {

  /**
   * One line as read.
   *
   * @param number 1-based
   * @param bytes the line without its LF, at most the limit
   * @param tooLong the line was longer than the limit and was cut
   */
  record Line(int number, byte[] bytes, boolean tooLong) {}

  private final InputStream in;
  private final int maxLineBytes;
  private final ByteArrayOutputStream buffer;
  private Line next;
  private int number;
  private boolean eof;

  BatchLineReader(InputStream in, int maxLineBytes) {
    this.in = new BufferedInputStream(in, 64 * 1024);
    this.maxLineBytes = maxLineBytes;
    this.buffer = new ByteArrayOutputStream(Math.min(maxLineBytes, 1024));
  }

  @Override
  public boolean hasNext() {
    if (next == null && !eof) {
      next = read();
    }
    return next != null;
  }

  @Override
  public Line next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Line line = next;
    next = null;
    return line;
  }

  private Line read() {
    buffer.reset();
    boolean tooLong = false;
    boolean any = false;
    try {
      int b;
      while ((b = in.read()) != -1) {
        any = true;
        if (b == '\n') {
          return new Line(++number, buffer.toByteArray(), tooLong);
        }
        if (buffer.size() < maxLineBytes) {
          buffer.write(b);
        } else {
          tooLong = true;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("batch file could not be read after line " + number, e);
    }
    eof = true;
    // the last line without a final LF is a line too (possibly a truncated one: the parser judges it)
    return any ? new Line(++number, buffer.toByteArray(), tooLong) : null;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
