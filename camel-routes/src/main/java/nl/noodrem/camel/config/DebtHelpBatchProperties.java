package nl.noodrem.camel.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Batch files of debt-help records, picked up from a local directory and/or an SFTP server.
 *
 * @param charset the directory's files' encoding: {@code UTF-8} (default), {@code windows-1252},
 *     {@code ISO-8859-1} or {@code ISO-8859-15}
 * @param includeExt extensions taken as batch files; any other file (but {@code ignoreExt}) is quarantined
 * @param ignoreExt extensions of files a sender is still writing or signalling with ({@code .part},
 *     {@code .tmp}, {@code .done} …): left alone, never quarantined
 * @param maxFileBytes a larger file is quarantined unread
 * @param maxRecordBytes a longer line becomes a dead letter (only its first this many bytes are kept)
 * @param readLockMinAgeMs a file must be unchanged at least this long before it is taken
 * @param doneFileRequired take a file only once {@code <name>.done} exists beside it (for senders
 *     that write in place and then write the done-file)
 * @param processedRetentionDays files in {@code .processed/} and {@code .quarantine/} (local directory)
 *     older than this many days are deleted; 0 keeps them
 */
@ConfigurationProperties("noodrem.legacy.debt-help-batch")
public record DebtHelpBatchProperties(
    boolean enabled,
    boolean directoryEnabled,
    String directory,
    String charset,
    String includeExt,
    String ignoreExt,
    long maxFileBytes,
    int maxRecordBytes,
    long pollDelayMs,
    long readLockMinAgeMs,
    long readLockCheckIntervalMs,
    long readLockTimeoutMs,
    boolean doneFileRequired,
    int processedRetentionDays,
    Sftp sftp) {

  /**
   * @param charset the server's files' encoding; empty: as the directory's
   * @param localWorkDirectory where a file is downloaded to before it is read (never into memory)
   * @param privateKeyFile key authentication (OpenSSH or PEM private key); empty: password
   * @param strictHostKeyChecking {@code yes} in production, with the server's key in {@code knownHostsFile}
   */
  public record Sftp(
      boolean enabled,
      String host,
      int port,
      String directory,
      String username,
      String password,
      String privateKeyFile,
      String privateKeyPassphrase,
      String knownHostsFile,
      String strictHostKeyChecking,
      String charset,
      String localWorkDirectory) {}
}
