package nl.noodrem.camel.batch;

import java.util.Locale;

/** The two layouts municipalities deliver debt-help records in (see the module README for both). */
public enum BatchLayout {
  /** Semicolon-separated values with a header line; extension {@code .csv}. */
  CSV,
  /** Fixed-width records of {@value BatchRecordParser#FIXED_WIDTH_LENGTH} characters; {@code .txt} or {@code .dat}. */
  FIXED_WIDTH;

  /** The layout a file's extension announces. */
  public static BatchLayout ofFileName(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".csv")) {
      return CSV;
    }
    if (lower.endsWith(".txt") || lower.endsWith(".dat")) {
      return FIXED_WIDTH;
    }
    throw new IllegalArgumentException("no batch layout for the extension of " + fileName);
  }
}
